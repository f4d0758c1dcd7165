import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryBackend } from '../../../src/memory/createMemoryBackend.js';
import { createTestDataProvider } from '../../../src/testing/createTestDataProvider.js';
import { createListFake } from '../../helpers/createListFake.js';
import { deferred } from '../../helpers/deferred.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';
import { SessionsProbe } from '../../helpers/SessionsProbe.js';

function backendWithThreeDevices(passwordRequired = false) {
  // Fixed times: the list orders by last activity, and sessions created in the same millisecond tie.
  const now = Date.now();
  return createMemoryBackend({
    users: [{ id: 'u1', email: 'ana@example.com', password: 'right' }],
    sessions: [
      { id: 'mac', user: 'u1', lastActiveAt: now },
      { id: 'phone', user: 'u1', lastActiveAt: now - 60_000 },
      { id: 'tablet', user: 'u1', lastActiveAt: now - 120_000 },
    ],
    passwordRequirements: passwordRequired
      ? { revokeOtherSessions: 'required', revokeAllSessions: 'required' }
      : {},
  });
}

function rows() {
  return within(screen.getByRole('list', { name: 'Sessions' }))
    .queryAllByRole('listitem')
    .map((li) => li.getAttribute('aria-label'));
}

describe('signing out other devices', () => {
  it('waits for the server, then shows only this device and the count', async () => {
    const server = deferred();
    const fake = createListFake(
      [{ id: 'mac', isCurrent: true }, { id: 'phone' }, { id: 'tablet' }],
      () => server.promise,
    );
    renderWithSessions(<SessionsProbe />, { dataProvider: fake.provider });
    await screen.findByText('phone');

    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    expect(rows()).toEqual(['mac', 'phone', 'tablet']);

    server.resolve();
    expect(await screen.findByText('Result: Signed out of 2')).toBeInTheDocument();
    await waitFor(() => expect(rows()).toEqual(['mac']));
  });

  it('against the memory server: the count is what the server ended', async () => {
    const backend = backendWithThreeDevices();
    renderWithSessions(<SessionsProbe />, { dataProvider: backend.providerFor('mac') });
    await screen.findByText('tablet');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    expect(await screen.findByText('Result: Signed out of 2')).toBeInTheDocument();
    expect(backend.sessionsOf('u1').map((s) => s.id)).toEqual(['mac']);
  });

  it('with a wrong password signs out nothing and says INVALID_PASSWORD', async () => {
    const backend = backendWithThreeDevices(true);
    renderWithSessions(<SessionsProbe password="nope" />, { dataProvider: backend.providerFor('mac') });
    await screen.findByText('tablet');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    expect(await screen.findByText('Result: INVALID_PASSWORD')).toBeInTheDocument();
    expect(backend.sessionsOf('u1')).toHaveLength(3);
    expect(rows()).toEqual(['mac', 'phone', 'tablet']);
  });

  it('rejects a provider answer without a count as INVALID_RESPONSE', async () => {
    const dataProvider = createTestDataProvider({
      listSessions: () => Promise.resolve({ sessions: [{ id: 'mac', isCurrent: true }] }),
      revokeOtherSessions: () => Promise.resolve({} as { revokedCount: number }),
    });
    renderWithSessions(<SessionsProbe />, { dataProvider });
    await screen.findByRole('button', { name: 'Sign out mac' });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    expect(await screen.findByText('Result: INVALID_RESPONSE')).toBeInTheDocument();
  });
});

describe('signing out everywhere', () => {
  it('ends every session and hands the user to the host as signed out, once', async () => {
    const backend = backendWithThreeDevices(true);
    const onSignedOut = vi.fn();
    const { queryClient } = renderWithSessions(<SessionsProbe password="right" />, {
      dataProvider: backend.providerFor('mac'),
      onSignedOut,
    });
    await screen.findByText('tablet');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));

    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ reason: 'revoked-all' }));
    expect(backend.sessionsOf('u1')).toHaveLength(0);
    expect(await screen.findByText('View: signed-out')).toBeInTheDocument();
    expect(rows()).toEqual([]);
    // Nothing of this user's list stays in the cache for whoever signs in next.
    const cached = queryClient.getQueriesData({ queryKey: ['profilekit'] }).map(([, data]) => data);
    expect(cached.filter((data) => data !== undefined)).toEqual([]);
    expect(onSignedOut).toHaveBeenCalledTimes(1);
  });
});
