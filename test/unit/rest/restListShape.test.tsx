import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SessionList } from '../../../src/components/SessionList.js';
import { createRestSessionsProvider } from '../../../src/rest/createRestSessionsProvider.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';
import { fakeFetch } from './fakeFetch.js';

const listing = (body: unknown) =>
  createRestSessionsProvider({ baseUrl: '/api', fetch: fakeFetch({ status: 200, body }).fetch });

describe('REST adapter: the list is shape-checked at the adapter and normalized once, by the query', () => {
  it.each([
    ['sessions not an array', { sessions: 'none' }],
    ['no sessions at all', { currentSessionId: 'ses_1' }],
    ['null', null],
    ['a number', 3],
  ])('%s is INVALID_RESPONSE from listSessions itself', async (_what, body) => {
    await expect(listing(body).listSessions()).rejects.toMatchObject({
      name: 'SessionsError',
      code: 'INVALID_RESPONSE',
      message: 'GET /sessions did not answer { sessions: [...] }.',
    });
  });

  it('a 200 that is not JSON is INVALID_RESPONSE', async () => {
    await expect(listing('<html>login</html>').listSessions()).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      message: 'GET /sessions did not answer with JSON.',
    });
  });

  it('hands the entries on untouched (no second normalization): dates stay as sent, bad entries stay', async () => {
    const body = {
      sessions: [{ id: 'ses_1', createdAt: '2026-11-20T09:12:44.000Z' }, { nope: true }],
      currentSessionId: 'ses_1',
    };
    await expect(listing(body).listSessions()).resolves.toEqual(body);
  });

  it('a bare array is read as { sessions }', async () => {
    await expect(listing([{ id: 'ses_1' }]).listSessions()).resolves.toEqual({ sessions: [{ id: 'ses_1' }] });
  });

  it('the UI still drops a malformed entry, reports it once, and shows the rest', async () => {
    const onError = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dataProvider = listing({
      sessions: [
        { id: 'ses_1', isCurrent: true, device: { name: 'Ana’s MacBook' } },
        { id: 'ses_2', device: { name: 'Work PC' } },
        { device: { name: 'No id' } },
      ],
    });
    renderWithSessions(<SessionList />, { dataProvider, onError });
    expect(await screen.findByText('Work PC')).toBeInTheDocument();
    expect(screen.getByText('Ana’s MacBook')).toBeInTheDocument();
    expect(screen.queryByText('No id')).not.toBeInTheDocument();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('1 malformed entry, not shown: #2: missing id');
    warn.mockRestore();
  });
});

describe('REST adapter: timeouts', () => {
  it('a request with no answer in timeoutMs is NETWORK, and says which request', async () => {
    const fetch = vi.fn(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    const provider = createRestSessionsProvider({ baseUrl: '/api', fetch, timeoutMs: 20 });
    await expect(provider.listSessions()).rejects.toMatchObject({
      code: 'NETWORK',
      message: 'GET /sessions got no answer within 20 ms.',
    });
  });

  it('a body that stops halfway is NETWORK after timeoutMs, not INVALID_RESPONSE', async () => {
    // As fetch does: the request's signal also errors the body stream it is still reading.
    const fetch = vi.fn(
      async (_input: RequestInfo | URL, init?: RequestInit) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"sessions": ['));
              init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
            },
          }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    const provider = createRestSessionsProvider({ baseUrl: '/api', fetch, timeoutMs: 20 });
    await expect(provider.listSessions({ applicationId: 'web' })).rejects.toMatchObject({
      code: 'NETWORK',
      message: 'GET /sessions?applicationId=web got no answer within 20 ms.',
    });
  });

  it('timeoutMs: Infinity sends no timeout signal', async () => {
    const wire = fakeFetch({ status: 200, body: { sessions: [] } });
    await createRestSessionsProvider({
      baseUrl: '/api',
      fetch: wire.fetch,
      timeoutMs: Infinity,
    }).listSessions();
    expect(wire.calls.mock.calls[0]?.[1]?.signal).toBeUndefined();
  });

  it("the caller's own abort stays an AbortError (not NETWORK)", async () => {
    const fetch = vi.fn(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const controller = new AbortController();
    const pending = createRestSessionsProvider({ baseUrl: '/api', fetch }).listSessions({
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
