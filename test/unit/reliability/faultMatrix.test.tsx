import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RevokeAllSessionsButton } from '../../../src/components/RevokeAllSessionsButton.js';
import { RevokeOtherSessionsButton } from '../../../src/components/RevokeOtherSessionsButton.js';
import { SessionList } from '../../../src/components/SessionList.js';
import { DEMO_USER_AGENTS } from '../../../src/memory/demoBackend.js';
import { enMessages as en } from '../../../src/messages/en.js';
import { createRestSessionsProvider } from '../../../src/rest/createRestSessionsProvider.js';
import { deviceNameOf } from '../../helpers/deviceNameOf.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';

/**
 * The fault matrix: a real HTTP server speaking the REST contract, which answers one endpoint with one
 * failure until the test clears it, driven through the components as a user would.
 */
type Endpoint = 'list' | 'revoke' | 'revokeOthers' | 'revokeAll' | 'signOut' | 'reauth';
const FAULTS = {
  'network error': (res: ServerResponse) => res.socket?.destroy(),
  '401': (res: ServerResponse) => send(res, 401, '{"code":"UNAUTHORIZED","message":"Session ended"}'),
  '403 re-auth': (res: ServerResponse) => send(res, 403, '{"code":"REAUTH_REQUIRED","message":"Not fresh"}'),
  '403 forbidden': (res: ServerResponse) => send(res, 403, '{"code":"FORBIDDEN","message":"No"}'),
  '404': (res: ServerResponse) => send(res, 404, '{"code":"NOT_FOUND","message":"Gone"}'),
  '429 Retry-After': (res: ServerResponse) =>
    send(res, 429, '{"code":"RATE_LIMITED","message":"Slow down"}', { 'Retry-After': '42' }),
  '500': (res: ServerResponse) => send(res, 500, '<html>Internal Server Error</html>'),
  timeout: () => {},
  'malformed JSON': (res: ServerResponse) => send(res, 200, '{"sessions": [ {"id": '),
  'wrong shape': (res: ServerResponse) => send(res, 200, '{"sessions": "none", "revokedCount": "three"}'),
} as const;
type Fault = keyof typeof FAULTS;

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body);
}

const DEVICES = [
  { id: 'mac', isCurrent: true, userAgent: DEMO_USER_AGENTS.chromeMac },
  { id: 'windows', userAgent: DEMO_USER_AGENTS.firefoxWindows },
  { id: 'iphone', userAgent: DEMO_USER_AGENTS.safariIphone },
];
let sessions = [...DEVICES];
let fault: { endpoint: Endpoint; kind: Fault } | undefined;
let server: Server;
let baseUrl: string;

function endpointOf(req: IncomingMessage): Endpoint | undefined {
  const path = req.url ?? '';
  if (req.method === 'GET' && path === '/api/sessions') return 'list';
  if (path === '/api/sessions/revoke-others') return 'revokeOthers';
  if (path === '/api/sessions/revoke-all') return 'revokeAll';
  if (path === '/api/sessions/sign-out') return 'signOut';
  if (path === '/api/sessions/reauthenticate') return 'reauth';
  if (/^\/api\/sessions\/[^/]+\/revoke$/.test(path)) return 'revoke';
  return undefined;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const endpoint = endpointOf(req);
      if (fault && endpoint === fault.endpoint) return FAULTS[fault.kind](res);
      switch (endpoint) {
        case 'list':
          return send(res, 200, JSON.stringify({ sessions }));
        case 'revoke': {
          const id = decodeURIComponent(req.url?.split('/')[3] ?? '');
          sessions = sessions.filter((s) => s.id !== id);
          return send(res, 204, '');
        }
        case 'revokeOthers': {
          const revokedCount = sessions.length - 1;
          sessions = sessions.filter((s) => s.isCurrent);
          return send(res, 200, JSON.stringify({ revokedCount }));
        }
        case 'revokeAll': {
          const revokedCount = sessions.length;
          sessions = [];
          return send(res, 200, JSON.stringify({ revokedCount }));
        }
        case 'signOut':
        case 'reauth':
          return send(res, 204, '');
        default:
          return send(res, 404, '{"code":"NOT_FOUND","message":"No route"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  sessions = [...DEVICES];
  fault = undefined;
});

/** The message the kit shows for the error this fault becomes. */
const MESSAGE: Record<Fault, string> = {
  'network error': en.errors.NETWORK({}),
  '401': en.errors.UNAUTHORIZED({}),
  '403 re-auth': en.errors.REAUTH_REQUIRED({}),
  '403 forbidden': en.errors.FORBIDDEN({}),
  '404': en.errors.NOT_FOUND({}),
  '429 Retry-After': en.errors.RATE_LIMITED({ retryAfter: 42 }),
  '500': en.errors.UNKNOWN({}),
  timeout: en.errors.NETWORK({}),
  'malformed JSON': en.errors.INVALID_RESPONSE({}),
  'wrong shape': en.errors.INVALID_RESPONSE({}),
};
const FAULT_NAMES = Object.keys(FAULTS) as Fault[];

// The adapter's own timeout, short so a hung request fails fast. Only the request the 'timeout' fault
// hangs may be cut by it: every other request is passed on without the adapter's signal (see below), so
// a loaded machine that answers slowly cannot turn a healthy request into a NETWORK failure.
const TIMEOUT_MS = 400;

/** Real fetch; the adapter's abort signal reaches only the request that the fault makes the server hang. */
const fetchForTheMatrix: typeof fetch = (input, init) => {
  const path = new URL(String(input)).pathname;
  const method = init?.method ?? 'GET';
  const hung =
    fault?.kind === 'timeout' && endpointOf({ url: path, method } as IncomingMessage) === fault.endpoint;
  return fetch(input, hung ? init : { ...init, signal: undefined });
};

function renderPage() {
  const onSignedOut = vi.fn();
  const dataProvider = createRestSessionsProvider({
    baseUrl,
    csrf: () => 'token',
    timeoutMs: TIMEOUT_MS,
    fetch: fetchForTheMatrix,
  });
  const view = renderWithSessions(
    <>
      <SessionList showCount />
      <RevokeOtherSessionsButton />
      <RevokeAllSessionsButton />
    </>,
    { dataProvider, onSignedOut },
  );
  return { ...view, onSignedOut, user: userEvent.setup() };
}
// Hidden included: an open dialog hides the page behind it from the accessibility tree.
const rowNames = () =>
  within(screen.getByRole('list', { hidden: true }))
    .queryAllByRole('listitem', { hidden: true })
    .map(deviceNameOf);

describe('fault matrix through the REST adapter: 10 failures × 6 methods, each seen by the user', () => {
  it.each(FAULT_NAMES)('listing: %s', async (kind) => {
    fault = { endpoint: 'list', kind };
    const { onSignedOut, user } = renderPage();
    if (kind === '401') {
      await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ reason: 'session-ended' }));
      expect(onSignedOut).toHaveBeenCalledTimes(1);
      return;
    }
    if (kind === '403 re-auth') {
      const field = await screen.findByLabelText('Password');
      fault = undefined;
      await user.type(field, 'my password{Enter}');
    } else {
      // Never an empty list: the error, in the list's place, with a way to try again.
      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
      // A list that is not found is a broken endpoint, not "that device is already signed out".
      expect(alert).toHaveTextContent(kind === '404' ? MESSAGE['500'] : MESSAGE[kind]);
      expect(screen.queryByRole('heading', { name: /Signed in on/ })).not.toBeInTheDocument();
      fault = undefined;
      await user.click(screen.getByRole('button', { name: 'Try again' }));
    }
    expect(await screen.findByRole('heading', { name: 'Signed in on 3 devices' })).toBeInTheDocument();
  });

  it.each(FAULT_NAMES)('signing one device out: %s', async (kind) => {
    const { onSignedOut, user } = renderPage();
    await screen.findByRole('heading', { name: 'Signed in on 3 devices' });
    fault = { endpoint: 'revoke', kind };
    await user.click(screen.getByRole('button', { name: 'Sign out Firefox on Windows' }));
    if (kind === '401') {
      await waitFor(() => expect(onSignedOut).toHaveBeenCalledTimes(1));
      return;
    }
    if (kind === '404') {
      // Already gone on the server: the row leaves, as the user asked.
      await waitFor(() => expect(rowNames()).not.toContain('Firefox on Windows'));
      return;
    }
    if (kind === 'malformed JSON' || kind === 'wrong shape') {
      // A 2xx to an endpoint that sends no body counts as done (HTTP says so); the refetch that follows
      // shows the server's truth, so a server that lied gets its row back on screen.
      await waitFor(() =>
        expect(rowNames()).toEqual(['Chrome on macOS', 'Firefox on Windows', 'Safari on iPhone']),
      );
      return;
    }
    // The row comes back and says, in the row, what went wrong.
    await waitFor(
      () =>
        expect(
          screen
            .getAllByText(MESSAGE[kind], { exact: false })
            .some((element) => element.closest('li')?.textContent?.includes('Firefox on Windows')),
        ).toBe(true),
      { timeout: 10_000 },
    );
    expect(rowNames()).toEqual(['Chrome on macOS', 'Firefox on Windows', 'Safari on iPhone']);
    expect(sessions.map((s) => s.id)).toContain('windows');
    fault = undefined;
    await user.click(screen.getByRole('button', { name: 'Sign out Firefox on Windows' }));
    await waitFor(() => expect(rowNames()).toEqual(['Chrome on macOS', 'Safari on iPhone']));
    expect(sessions.map((s) => s.id)).toEqual(['mac', 'iphone']);
  });

  describe.each([
    ['signing out other devices', 'revokeOthers', 'Sign out other devices'],
    ['signing out everywhere', 'revokeAll', 'Sign out everywhere'],
  ] as const)('%s', (_title, endpoint, label) => {
    it.each(FAULT_NAMES)('%s', async (kind) => {
      const { onSignedOut, user } = renderPage();
      await screen.findByRole('heading', { name: 'Signed in on 3 devices' });
      fault = { endpoint, kind };
      await user.click(screen.getByRole('button', { name: label }));
      const dialog = await screen.findByRole('alertdialog');
      await user.click(within(dialog).getByRole('button', { name: label }));
      if (kind === '401') {
        await waitFor(() => expect(onSignedOut).toHaveBeenCalledTimes(1));
        return;
      }
      // The dialog stays with the message; nothing was signed out, nothing left the list.
      expect(await within(dialog).findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
        MESSAGE[kind],
      );
      expect(rowNames()).toEqual(['Chrome on macOS', 'Firefox on Windows', 'Safari on iPhone']);
      expect(sessions).toHaveLength(3);
      fault = undefined;
      await user.click(within(dialog).getByRole('button', { name: label }));
      if (endpoint === 'revokeOthers') {
        expect((await screen.findAllByText('Signed out of 2 devices')).length).toBeGreaterThan(0);
        await waitFor(() => expect(rowNames()).toEqual(['Chrome on macOS']));
      } else {
        await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ reason: 'revoked-all' }));
      }
    });
  });

  it.each(FAULT_NAMES)('confirming the password when the server asks: %s', async (kind) => {
    fault = { endpoint: 'list', kind: '403 re-auth' };
    const { onSignedOut, user } = renderPage();
    const field = await screen.findByLabelText('Password');
    fault = { endpoint: 'reauth', kind };
    await user.type(field, 'my password{Enter}');
    if (kind === '401') {
      await waitFor(() => expect(onSignedOut).toHaveBeenCalledTimes(1));
      return;
    }
    if (kind === 'malformed JSON' || kind === 'wrong shape') {
      // A 2xx to an endpoint that sends no body is a confirmed password: the list loads.
      expect(await screen.findByRole('heading', { name: 'Signed in on 3 devices' })).toBeInTheDocument();
      return;
    }
    // The prompt stays, says why, and the next try gets through.
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(MESSAGE[kind]);
    expect(screen.queryByRole('heading', { name: /Signed in on/ })).not.toBeInTheDocument();
    fault = undefined;
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'my password{Enter}');
    expect(await screen.findByRole('heading', { name: 'Signed in on 3 devices' })).toBeInTheDocument();
  });

  it.each(FAULT_NAMES)('signing this device out: %s', async (kind) => {
    const { onSignedOut, user } = renderPage();
    await screen.findByRole('heading', { name: 'Signed in on 3 devices' });
    fault = { endpoint: 'signOut', kind };
    await user.click(screen.getByRole('button', { name: 'Sign out of this device' }));
    if (kind === '401' || kind === '404' || kind === 'malformed JSON' || kind === 'wrong shape') {
      // The session is already over on the server (401, 404), or the server said 2xx to an endpoint that
      // sends no body: this device is signed out.
      await waitFor(() => expect(onSignedOut).toHaveBeenCalledTimes(1));
      return;
    }
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      en.signOutFailed(MESSAGE[kind]),
    );
    expect(onSignedOut).not.toHaveBeenCalled();
    expect(rowNames()).toHaveLength(3);
    fault = undefined;
    await user.click(screen.getByRole('button', { name: 'Sign out of this device' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ reason: 'signed-out' }));
  });
});
