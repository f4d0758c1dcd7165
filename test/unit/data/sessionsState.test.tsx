import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryBackend } from '../../../src/memory/createMemoryBackend.js';
import { SessionsError } from '../../../src/provider/SessionsError.js';
import type { SessionInput } from '../../../src/provider/types.js';
import { SessionsProvider } from '../../../src/registry/SessionsProvider.js';
import { createTestDataProvider } from '../../../src/testing/createTestDataProvider.js';
import { createTestQueryClient } from '../../../src/testing/createTestQueryClient.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';
import { SessionsProbe } from '../../helpers/SessionsProbe.js';

function rows(name = 'Sessions') {
  return within(screen.getByRole('list', { name }))
    .queryAllByRole('listitem')
    .map((li) => li.getAttribute('aria-label'));
}

describe('the sessions list state', () => {
  it('lists the current session first, then the most recently active', async () => {
    const dataProvider = createTestDataProvider({
      listSessions: () =>
        Promise.resolve({
          currentSessionId: 'mac',
          sessions: [
            { id: 'old', lastActiveAt: 1_700_000_000 },
            { id: 'mac', lastActiveAt: 1_600_000_000 },
            { id: 'new', lastActiveAt: '2026-11-01T00:00:00Z' },
          ],
        }),
    });
    renderWithSessions(<SessionsProbe />, { dataProvider });
    expect(await screen.findByText('mac (this device)')).toBeInTheDocument();
    expect(rows()).toEqual(['mac', 'new', 'old']);
  });

  it('shows REAUTH_REQUIRED as a re-auth state, never as an empty list, and recovers after the password', async () => {
    const backend = createMemoryBackend({
      users: [{ id: 'u1', email: 'a@example.com', password: 'pw' }],
      sessions: [
        { id: 'mac', user: 'u1' },
        { id: 'phone', user: 'u1' },
      ],
    });
    backend.requireReauth('mac');
    renderWithSessions(<SessionsProbe password="pw" />, { dataProvider: backend.providerFor('mac') });

    expect(await screen.findByText('View: reauth')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('REAUTH_REQUIRED');
    expect(screen.queryByText('View: empty')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Confirm password' }));
    expect(await screen.findByText('View: ready')).toBeInTheDocument();
    expect(rows()).toEqual(['mac', 'phone']);
  });

  it('calls onSignedOut once when the backend answers UNAUTHORIZED', async () => {
    const onSignedOut = vi.fn();
    const dataProvider = createTestDataProvider({
      listSessions: () => Promise.reject(new SessionsError('UNAUTHORIZED')),
    });
    renderWithSessions(<SessionsProbe />, { dataProvider, onSignedOut });
    expect(await screen.findByText('View: signed-out')).toBeInTheDocument();
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ reason: 'session-ended' }));
    expect(onSignedOut).toHaveBeenCalledTimes(1);
  });

  it('drops a malformed entry, shows the rest, and reports it once to onError', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onError = vi.fn();
    const dataProvider = createTestDataProvider({
      listSessions: () =>
        // A backend breaking the contract: the cast is the point of the test.
        Promise.resolve({
          sessions: [
            { id: 'good' },
            { userAgent: 'no id' },
            { id: 'bad', createdAt: 'soon' },
          ] as SessionInput[],
        }),
    });
    const { queryClient } = renderWithSessions(<SessionsProbe />, { dataProvider, onError });
    expect(await screen.findByText('good')).toBeInTheDocument();
    expect(rows()).toEqual(['good']);
    await queryClient.refetchQueries();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'INVALID_RESPONSE' });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('shows an unreadable answer as an error, not as an empty list', async () => {
    const dataProvider = createTestDataProvider({ listSessions: () => Promise.resolve('<html>' as never) });
    renderWithSessions(<SessionsProbe />, { dataProvider });
    expect(await screen.findByText('View: error')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('INVALID_RESPONSE');
  });

  it('hides the list when the provider cannot list, but keeps revoke-others working', async () => {
    const revokeOtherSessions = vi.fn(() => Promise.resolve({ revokedCount: 4 }));
    renderWithSessions(<SessionsProbe />, { dataProvider: { revokeOtherSessions } });
    expect(screen.getByText('View: unsupported')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    expect(await screen.findByText('Result: Signed out of 4')).toBeInTheDocument();
  });
});

describe('cache isolation', () => {
  it('never shares cache between two provider instances on one QueryClient', async () => {
    const queryClient = createTestQueryClient();
    const first = createTestDataProvider({
      listSessions: () => Promise.resolve({ sessions: [{ id: 'first-only' }] }),
    });
    const second = createTestDataProvider({
      listSessions: () => Promise.resolve({ sessions: [{ id: 'second-only' }] }),
    });
    render(
      <QueryClientProvider client={queryClient}>
        <section aria-label="one">
          <SessionsProvider dataProvider={first}>
            <SessionsProbe />
          </SessionsProvider>
        </section>
        <section aria-label="two">
          <SessionsProvider dataProvider={second}>
            <SessionsProbe />
          </SessionsProvider>
        </section>
      </QueryClientProvider>,
    );
    const one = within(screen.getByRole('region', { name: 'one' }));
    const two = within(screen.getByRole('region', { name: 'two' }));
    expect(await one.findByText('first-only')).toBeInTheDocument();
    expect(await two.findByText('second-only')).toBeInTheDocument();
    expect(one.queryByText('second-only')).not.toBeInTheDocument();
    expect(two.queryByText('first-only')).not.toBeInTheDocument();
  });

  it("switching the user never shows the previous user's sessions", async () => {
    const queryClient = createTestQueryClient();
    const dataProvider = createTestDataProvider({
      listSessions: () => new Promise(() => {}),
    });
    queryClient.setQueryData(['profilekit', 'unrelated'], 1);
    const seen: (string | null)[][] = [];
    const lists = { alice: [{ id: 'alice-mac' }], bob: [{ id: 'bob-phone' }] };
    let who: 'alice' | 'bob' = 'alice';
    dataProvider.listSessions = () => Promise.resolve({ sessions: lists[who] });
    function Recorder() {
      return <SessionsProbe />;
    }
    const { rerender } = render(
      <SessionsProvider dataProvider={dataProvider} scope="alice" queryClient={queryClient}>
        <Recorder />
      </SessionsProvider>,
    );
    expect(await screen.findByText('alice-mac')).toBeInTheDocument();
    who = 'bob';
    const observer = new MutationObserver(() => seen.push(rows()));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    rerender(
      <SessionsProvider dataProvider={dataProvider} scope="bob" queryClient={queryClient}>
        <Recorder />
      </SessionsProvider>,
    );
    expect(await screen.findByText('bob-phone')).toBeInTheDocument();
    observer.disconnect();
    expect(seen.flat()).not.toContain('alice-mac');
  });
});

describe('which QueryClient', () => {
  // The lists a client holds rows for (the policy's entry is there too, empty: this provider advertises none).
  const listsIn = (client: QueryClient) =>
    client
      .getQueryCache()
      .findAll({ queryKey: ['profilekit'], predicate: (q) => q.state.data !== undefined });
  const provider = () =>
    createTestDataProvider({ listSessions: () => Promise.resolve({ sessions: [{ id: 's1' }] }) });

  it("uses the host's QueryClientProvider when there is one", async () => {
    const host = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={host}>
        <SessionsProvider dataProvider={provider()}>
          <SessionsProbe />
        </SessionsProvider>
      </QueryClientProvider>,
    );
    await screen.findByText('s1');
    expect(listsIn(host)).toHaveLength(1);
  });

  it('uses the queryClient prop when given', async () => {
    const own = createTestQueryClient();
    render(
      <SessionsProvider dataProvider={provider()} queryClient={own}>
        <SessionsProbe />
      </SessionsProvider>,
    );
    await screen.findByText('s1');
    expect(listsIn(own)).toHaveLength(1);
  });

  it('works with no QueryClient anywhere (a private one)', async () => {
    render(
      <SessionsProvider dataProvider={provider()}>
        <SessionsProbe />
      </SessionsProvider>,
    );
    expect(await screen.findByText('s1')).toBeInTheDocument();
  });

  it('says which component needs the provider when used outside it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    // React 18 also rethrows render errors inside a jsdom event, which jsdom prints unless handled.
    const handled = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', handled);
    expect(() => render(<SessionsProbe />)).toThrow('`useSessions` must be used within `SessionsProvider`.');
    window.removeEventListener('error', handled);
    error.mockRestore();
  });
});
