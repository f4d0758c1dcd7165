import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RevokeOtherSessionsButton } from '../../../src/components/RevokeOtherSessionsButton.js';
import { SessionList } from '../../../src/components/SessionList.js';
import { prefetchSessions } from '../../../src/data/prefetchSessions.js';
import { DEMO_USER_AGENTS } from '../../../src/memory/demoBackend.js';
import type { SessionsDataProvider } from '../../../src/provider/types.js';
import { SessionsProvider } from '../../../src/registry/SessionsProvider.js';
import { threeDevices } from '../../helpers/backends.js';

function Page({
  dataProvider,
  queryClient,
}: {
  dataProvider: SessionsDataProvider;
  queryClient: QueryClient;
}) {
  return (
    <main>
      <h1>Profile</h1>
      <SessionsProvider dataProvider={dataProvider} queryClient={queryClient} scope="u1">
        <SessionList showCount />
        <RevokeOtherSessionsButton />
      </SessionsProvider>
    </main>
  );
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/**
 * What React printed, less one warning that only this test's setup causes: the server render runs
 * where jsdom defines `document`, so Radix picks useLayoutEffect at import and React 18 warns that it
 * does nothing on a server. On a real server there is no `document` and no warning.
 */
const printed = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter((args) => !String(args[0]).includes('useLayoutEffect does nothing on the server'));

/** Server HTML into the document, then hydrateRoot, recording every mismatch React reports. */
async function hydrate(html: string, ui: ReactNode) {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const recoverable: unknown[] = [];
  await act(async () => {
    root = hydrateRoot(container, ui, { onRecoverableError: (error) => recoverable.push(error) });
  });
  return { container, recoverable };
}

describe('server rendering', () => {
  it('renders the loading state on the server and hydrates it without a mismatch, then shows the list', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const backend = threeDevices();
    const html = renderToString(<Page dataProvider={backend.provider} queryClient={new QueryClient()} />);
    expect(html).toContain('Loading your devices…');

    const { recoverable } = await hydrate(
      html,
      <Page dataProvider={backend.provider} queryClient={new QueryClient()} />,
    );
    expect(await screen.findByRole('heading', { name: 'Signed in on 3 devices' })).toBeInTheDocument();
    expect(recoverable).toEqual([]);
    expect(printed(consoleError)).toEqual([]);
  });

  it('prefetches on the server, sends the rows in the HTML, and hydrates them with no mismatch and no refetch', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const backend = threeDevices();
    // The server's provider and the browser's are different objects, as in a real app: the cache key
    // comes from the `scope` (the user), so the browser finds what the server fetched.
    const serverProvider = backend.providerFor('mac');
    const serverClient = new QueryClient();
    await prefetchSessions(serverClient, { dataProvider: serverProvider, scope: 'u1' });
    const html = renderToString(<Page dataProvider={serverProvider} queryClient={serverClient} />);
    expect(html).toContain('Signed in on 3 devices');
    expect(html).toContain('Firefox on Windows');
    const state = dehydrate(serverClient);

    const listSessions = vi.spyOn(backend.provider, 'listSessions');
    const browserClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
    const { recoverable } = await hydrate(
      html,
      <HydrationBoundary state={JSON.parse(JSON.stringify(state))} queryClient={browserClient}>
        <Page dataProvider={backend.provider} queryClient={browserClient} />
      </HydrationBoundary>,
    );
    expect(recoverable).toEqual([]);
    expect(printed(consoleError)).toEqual([]);
    expect(listSessions).not.toHaveBeenCalled();

    // The hydrated page works: signing a device out removes its row.
    const list = screen.getByRole('list', { name: 'Signed in on 3 devices' });
    await userEvent.click(within(list).getByRole('button', { name: 'Sign out Firefox on Windows' }));
    await waitFor(() => expect(screen.queryByText('Firefox on Windows')).not.toBeInTheDocument());
  });

  it("hydrates relative times against the server's fetch time, not the browser's clock, then moves to the browser's", async () => {
    const consoleError = vi.spyOn(console, 'error');
    const backend = threeDevices();
    const serverClient = new QueryClient();
    await prefetchSessions(serverClient, { dataProvider: backend.providerFor('mac'), scope: 'u1' });
    const html = renderToString(<Page dataProvider={backend.provider} queryClient={serverClient} />);
    expect(html).toContain('Active 3 hours ago');
    const state = JSON.parse(JSON.stringify(dehydrate(serverClient)));

    // The browser's clock is two hours ahead of the server's (and its shared clock read it at load).
    const ahead = Date.now() + 2 * 3_600_000;
    // The shared clock reads Date.now() again when its first subscriber arrives (none is mounted now).
    vi.spyOn(Date, 'now').mockReturnValue(ahead);
    const browserClient = new QueryClient({
      defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
    });
    const { recoverable } = await hydrate(
      html,
      <HydrationBoundary state={state} queryClient={browserClient}>
        <Page dataProvider={backend.provider} queryClient={browserClient} />
      </HydrationBoundary>,
    );
    expect(recoverable).toEqual([]);
    expect(printed(consoleError)).toEqual([]);
    // Right after hydration, the browser's own clock.
    expect(await screen.findByText('Active 5 hours ago')).toBeInTheDocument();
  });

  it("leaves the sign-in times of alike rows out of the server's HTML (its time zone is not the reader's), and writes them once hydrated", async () => {
    const consoleError = vi.spyOn(console, 'error');
    const backend = threeDevices();
    backend.addSession({
      id: 'iphone-2',
      user: 'u1',
      userAgent: DEMO_USER_AGENTS.safariIphone,
      createdAt: new Date(2026, 11, 3, 14, 5),
    });
    const serverClient = new QueryClient();
    await prefetchSessions(serverClient, { dataProvider: backend.providerFor('mac'), scope: 'u1' });
    const html = renderToString(<Page dataProvider={backend.provider} queryClient={serverClient} />);
    expect(html).toContain('Safari on iPhone');
    expect(html).not.toContain('Signed in Dec');

    const browserClient = new QueryClient({
      defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
    });
    const { recoverable } = await hydrate(
      html,
      <HydrationBoundary
        state={JSON.parse(JSON.stringify(dehydrate(serverClient)))}
        queryClient={browserClient}
      >
        <Page dataProvider={backend.provider} queryClient={browserClient} />
      </HydrationBoundary>,
    );
    expect(recoverable).toEqual([]);
    expect(printed(consoleError)).toEqual([]);
    expect(await screen.findByText(/^Signed in Dec 3, 2:05\sPM$/)).toBeInTheDocument();
  });
});
