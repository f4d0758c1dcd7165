import { vi } from 'vitest';

/** One request as the adapter sent it. */
export interface SentRequest {
  method: string;
  /** Path and query after the origin, e.g. `/api/sessions?applicationId=web`. */
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * A `fetch` that records what the adapter sends and answers what the test scripts (JSON by default; a
 * string body is sent as is). Not a server: the adapter's side of the wire, seen as a backend would.
 */
export function fakeFetch(answer: Answer | ((request: SentRequest) => Answer) = { status: 204 }) {
  const sent: SentRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://app.test');
    const request: SentRequest = {
      method: init.method ?? 'GET',
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    sent.push(request);
    const { status, body, headers = {} } = typeof answer === 'function' ? answer(request) : answer;
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent, calls: fetch };
}
