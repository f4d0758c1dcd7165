import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RevokeAllSessionsButton } from '../../../src/components/RevokeAllSessionsButton.js';
import { RevokeOtherSessionsButton } from '../../../src/components/RevokeOtherSessionsButton.js';
import { SessionList } from '../../../src/components/SessionList.js';
import { SessionsError } from '../../../src/provider/SessionsError.js';
import { createTestDataProvider } from '../../../src/testing/createTestDataProvider.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';

/** The demo page's three readers of one list: the list itself and both revoke-many buttons. */
const page = (
  <>
    <SessionList />
    <RevokeOtherSessionsButton />
    <RevokeAllSessionsButton />
  </>
);

describe('a failure reaches the host once, however many components read the failed query', () => {
  it('one failed list, three readers: onError once; the retry that fails again: once more', async () => {
    const onError = vi.fn();
    const listSessions = vi.fn(() => Promise.reject(new SessionsError('NETWORK', 'offline')));
    const dataProvider = createTestDataProvider({
      listSessions,
      revokeOtherSessions: async () => ({ revokedCount: 0 }),
      revokeAllSessions: async () => ({ revokedCount: 0 }),
    });
    renderWithSessions(page, { dataProvider, onError });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server could not be reached.');
    // The three readers share one query: one fetch, one failure, one report.
    expect(listSessions).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'NETWORK' }));

    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(listSessions).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(2));
  });

  it('one UNAUTHORIZED list, three readers: onSignedOut once, onError never', async () => {
    const onError = vi.fn();
    const onSignedOut = vi.fn();
    const dataProvider = createTestDataProvider({
      listSessions: () => Promise.reject(new SessionsError('UNAUTHORIZED')),
      revokeOtherSessions: async () => ({ revokedCount: 0 }),
      revokeAllSessions: async () => ({ revokedCount: 0 }),
    });
    renderWithSessions(page, { dataProvider, onError, onSignedOut });
    expect(await screen.findByText('You are signed out on this device.')).toBeInTheDocument();
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ reason: 'session-ended' }));
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });
});
