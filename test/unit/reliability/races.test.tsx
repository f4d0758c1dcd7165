import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SessionList } from '../../../src/components/SessionList.js';
import { sessionsKeys } from '../../../src/data/sessionsKeys.js';
import { DEMO_USER_AGENTS } from '../../../src/memory/demoBackend.js';
import { SessionsError } from '../../../src/provider/SessionsError.js';
import type { SessionInput } from '../../../src/provider/types.js';
import { createTestDataProvider } from '../../../src/testing/createTestDataProvider.js';
import { deferred } from '../../helpers/deferred.js';
import { deviceNameOf } from '../../helpers/deviceNameOf.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';

const MAC = { id: 'mac', isCurrent: true, userAgent: DEMO_USER_AGENTS.chromeMac };
const WINDOWS = { id: 'windows', userAgent: DEMO_USER_AGENTS.firefoxWindows };
const IPHONE = { id: 'iphone', userAgent: DEMO_USER_AGENTS.safariIphone };
const TABLET = { id: 'tablet', userAgent: DEMO_USER_AGENTS.safariIpad };

/** A server whose revoke answers only when the test says, so a refetch can land in between. */
function slowServer() {
  let sessions: SessionInput[] = [MAC, WINDOWS, IPHONE];
  const answers: { resolve: () => void; reject: (reason: unknown) => void }[] = [];
  const dataProvider = createTestDataProvider({
    listSessions: async () => ({ sessions: [...sessions] }),
    revokeSession: vi.fn(async ({ sessionId }) => {
      const answer = deferred();
      answers.push(answer);
      await answer.promise;
      sessions = sessions.filter((s) => s.id !== sessionId);
    }),
  });
  return {
    dataProvider,
    signIn: (session: SessionInput) => {
      sessions = [...sessions, session];
    },
    answer: () => answers.at(-1) as { resolve: () => void; reject: (reason: unknown) => void },
  };
}

const rowNames = () => within(screen.getByRole('list')).queryAllByRole('listitem').map(deviceNameOf);

describe('races between a revoke and a refetch', () => {
  it('a revoke that succeeds after a refetch neither brings its row back nor drops the new one', async () => {
    const server = slowServer();
    const { queryClient } = renderWithSessions(<SessionList />, { dataProvider: server.dataProvider });
    await screen.findByText('Firefox on Windows');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out Firefox on Windows' }));
    expect(rowNames()).toEqual(['Chrome on macOS', 'Safari on iPhone']);

    // Meanwhile a tablet signs in, and the list refetches while the server still has Windows.
    server.signIn(TABLET);
    await queryClient.refetchQueries({ queryKey: sessionsKeys.all });
    await waitFor(() => expect(rowNames()).toContain('Safari on iPad'));
    expect(rowNames()).not.toContain('Firefox on Windows');

    server.answer().resolve();
    await waitFor(() => expect(server.dataProvider.revokeSession).toHaveBeenCalledTimes(1));
    // This device first; the others without a last-activity time keep the server's order.
    await waitFor(() =>
      expect(rowNames()).toEqual(['Chrome on macOS', 'Safari on iPhone', 'Safari on iPad']),
    );
  });

  it('a revoke that fails after a refetch puts its row back once, beside the new one', async () => {
    const server = slowServer();
    const { queryClient } = renderWithSessions(<SessionList />, { dataProvider: server.dataProvider });
    await screen.findByText('Firefox on Windows');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out Firefox on Windows' }));
    server.signIn(TABLET);
    await queryClient.refetchQueries({ queryKey: sessionsKeys.all });
    await waitFor(() => expect(rowNames()).toContain('Safari on iPad'));

    server.answer().reject(new SessionsError('UNKNOWN', 'boom'));
    // The row says so (the announcer too), back once, where it was, beside the new one.
    await screen.findAllByText(/Could not sign out Firefox on Windows/);
    expect(rowNames()).toEqual([
      'Chrome on macOS',
      'Firefox on Windows',
      'Safari on iPhone',
      'Safari on iPad',
    ]);
  });
});
