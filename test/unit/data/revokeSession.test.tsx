import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SessionList } from '../../../src/components/SessionList.js';
import { sessionsMutationKeys } from '../../../src/data/sessionsKeys.js';
import { useRevokeSession } from '../../../src/data/useRevokeSession.js';
import { useRevokeSessionState } from '../../../src/data/useRevokeSessionState.js';
import { createMemoryBackend } from '../../../src/memory/createMemoryBackend.js';
import { DEMO_USER_AGENTS } from '../../../src/memory/demoBackend.js';
import { SessionsError } from '../../../src/provider/SessionsError.js';
import { createTestDataProvider } from '../../../src/testing/createTestDataProvider.js';
import { createListFake } from '../../helpers/createListFake.js';
import { deferred } from '../../helpers/deferred.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';
import { SessionsProbe } from '../../helpers/SessionsProbe.js';

const listed = {
  sessions: [
    { id: 'mac', isCurrent: true, createdAt: '2026-11-20T10:00:00Z' },
    { id: 'phone', createdAt: '2026-11-21T10:00:00Z' },
    { id: 'tablet', createdAt: '2026-11-19T10:00:00Z' },
  ],
};

function rows() {
  return within(screen.getByRole('list', { name: 'Sessions' }))
    .queryAllByRole('listitem')
    .map((li) => li.getAttribute('aria-label'));
}

describe('revoking one session', () => {
  it('removes the row before the server answers, and keeps it gone when the server agrees', async () => {
    const server = deferred();
    const fake = createListFake(listed.sessions, () => server.promise);
    const revokeSession = vi.spyOn(fake.provider, 'revokeSession');
    const { queryClient } = renderWithSessions(<SessionsProbe />, { dataProvider: fake.provider });
    expect(await screen.findByText('phone')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Sign out phone' }));

    // Gone while the server has not answered yet.
    expect(rows()).toEqual(['mac', 'tablet']);
    expect(fake.ids()).toContain('phone');
    expect(revokeSession).toHaveBeenCalledWith({ sessionId: 'phone' });
    server.resolve();
    await waitFor(() => expect(fake.ids()).toEqual(['mac', 'tablet']));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(rows()).toEqual(['mac', 'tablet']);
  });

  it('puts the row back in its place and shows the error when the server refuses', async () => {
    const server = deferred();
    const fake = createListFake(listed.sessions, () => server.promise);
    renderWithSessions(<SessionsProbe />, { dataProvider: fake.provider });
    await screen.findByText('phone');

    await userEvent.click(screen.getByRole('button', { name: 'Sign out phone' }));
    expect(rows()).toEqual(['mac', 'tablet']);
    server.reject({ status: 500 });

    expect(await screen.findByText('Revoke failed: UNKNOWN')).toBeInTheDocument();
    expect(rows()).toEqual(['mac', 'phone', 'tablet']);
  });

  it('treats NOT_FOUND as already gone: no error, no row coming back', async () => {
    let sessions = listed.sessions;
    const dataProvider = createTestDataProvider({
      listSessions: () => Promise.resolve({ sessions }),
      revokeSession: () => {
        sessions = sessions.filter((s) => s.id !== 'phone');
        return Promise.reject(new SessionsError('NOT_FOUND'));
      },
    });
    renderWithSessions(<SessionsProbe />, { dataProvider });
    await screen.findByText('phone');

    await userEvent.click(screen.getByRole('button', { name: 'Sign out phone' }));

    await waitFor(() => expect(rows()).toEqual(['mac', 'tablet']));
    expect(screen.queryByText(/Revoke failed/)).not.toBeInTheDocument();
  });

  it('sends the request at the click but lets the frame without the row paint before the refetch', async () => {
    // Frames and timers under the test's control: nothing paints until a frame is advanced to.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    try {
      const revoked = new Set<string>();
      const listSessions = vi.fn(() =>
        Promise.resolve({ sessions: listed.sessions.filter(({ id }) => !revoked.has(id)) }),
      );
      const revokeSession = vi.fn(async ({ sessionId }: { sessionId: string }) => {
        revoked.add(sessionId);
      });
      const dataProvider = createTestDataProvider({ listSessions, revokeSession });
      renderWithSessions(<SessionList />, { dataProvider });
      await vi.advanceTimersByTimeAsync(0);
      const button = screen.getByRole('button', { name: /^Sign out .*\(2\)$/ });
      const row = button.closest('li');

      button.click();
      await vi.advanceTimersByTimeAsync(0);
      // Gone at once and the request sent, though the server's answer is not taken before the frame.
      expect(row).not.toBeInTheDocument();
      expect(revokeSession).toHaveBeenCalledTimes(1);
      expect(listSessions).toHaveBeenCalledTimes(1);

      await vi.advanceTimersByTimeAsync(20);
      // Painted: the answer is taken and the list refetched, without the row.
      expect(listSessions).toHaveBeenCalledTimes(2);
      expect(screen.getByRole('heading', { name: 'Signed in on 2 devices' })).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends one request for a double click', async () => {
    const server = deferred();
    const revokeSession = vi.fn(() => server.promise);
    const dataProvider = createTestDataProvider({
      listSessions: () => Promise.resolve(listed),
      revokeSession,
    });
    renderWithSessions(<SessionsProbe />, { dataProvider });
    const button = await screen.findByRole('button', { name: 'Sign out phone' });

    await userEvent.dblClick(button);

    expect(revokeSession).toHaveBeenCalledTimes(1);
    server.resolve();
  });

  it('with a wrong password revokes nothing and reports INVALID_PASSWORD; the right one works', async () => {
    const backend = createMemoryBackend({
      users: [{ id: 'u1', email: 'ana@example.com', password: 'right' }],
      sessions: [
        { id: 'mac', user: 'u1' },
        { id: 'phone', user: 'u1' },
      ],
      passwordRequirements: { revokeSession: 'required' },
    });
    const { rerender } = renderWithSessions(<SessionsProbe password="wrong" />, {
      dataProvider: backend.providerFor('mac'),
    });
    await screen.findByText('phone');

    await userEvent.click(screen.getByRole('button', { name: 'Sign out phone' }));

    expect(await screen.findByText('Revoke failed: INVALID_PASSWORD')).toBeInTheDocument();
    expect(rows()).toContain('phone');
    expect(backend.sessionsOf('u1').map((s) => s.id)).toContain('phone');

    rerender(<SessionsProbe password="right" />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out phone' }));
    await waitFor(() => expect(backend.sessionsOf('u1').map((s) => s.id)).toEqual(['mac']));
    await waitFor(() => expect(rows()).toEqual(['mac']));
  });

  it('keeps the password out of the mutation cache', async () => {
    const secret = 'hunter2-very-secret';
    const fake = createListFake(listed.sessions);
    const { queryClient } = renderWithSessions(<SessionsProbe password={secret} />, {
      dataProvider: fake.provider,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out phone' }));
    await waitFor(() => expect(rows()).toEqual(['mac', 'tablet']));

    const mutations = queryClient.getMutationCache().getAll();
    expect(mutations.length).toBeGreaterThan(0);
    const dump = JSON.stringify(mutations.map((m) => m.state));
    expect(dump).toContain('phone');
    expect(dump).not.toContain(secret);
  });

  it('passes the password to the provider when one is typed', async () => {
    const revokeSession = vi.fn(() => Promise.resolve());
    const dataProvider = createTestDataProvider({
      listSessions: () => Promise.resolve(listed),
      revokeSession,
    });
    const { queryClient } = renderWithSessions(<SessionsProbe password="pw" />, { dataProvider });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out tablet' }));
    await waitFor(() => expect(revokeSession).toHaveBeenCalledWith({ sessionId: 'tablet', password: 'pw' }));
    const keys = queryClient
      .getMutationCache()
      .getAll()
      .map((m) => m.options.mutationKey);
    expect(keys[0]?.[2]).toBe(sessionsMutationKeys.revokeSession('x')[2]);
  });

  it('has one owner: a sign-out started by a row refuses a second from the hook, and both see it', async () => {
    const server = deferred();
    const fake = createListFake(
      [
        { id: 'mac', isCurrent: true, userAgent: DEMO_USER_AGENTS.chromeMac },
        { id: 'phone', userAgent: DEMO_USER_AGENTS.safariIphone },
      ],
      () => server.promise,
    );
    const revokeSession = vi.spyOn(fake.provider, 'revokeSession');
    /** A host's own control for the same session, beside the kit's list. */
    function Again() {
      const revoke = useRevokeSession();
      const { state } = useRevokeSessionState('phone');
      return (
        <>
          <button type="button" onClick={() => revoke.mutate({ sessionId: 'phone' })}>
            Sign out the phone again
          </button>
          <p>The phone: {state}</p>
        </>
      );
    }
    renderWithSessions(
      <>
        <SessionList />
        <Again />
      </>,
      { dataProvider: fake.provider },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out Safari on iPhone' }));
    // The row left at once, and the host's component knows the sign-out is on its way.
    expect(screen.queryByText('Safari on iPhone')).not.toBeInTheDocument();
    expect(screen.getByText('The phone: revoking')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out the phone again' }));
    expect(revokeSession).toHaveBeenCalledTimes(1);
    server.resolve();
    await waitFor(() => expect(screen.getByText('The phone: idle')).toBeInTheDocument());
    expect(fake.ids()).toEqual(['mac']);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Signed out Safari on iPhone'));
  });
});
