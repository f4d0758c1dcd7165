import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { setClientAddress } from './clientAddress.js';

type FetchHandler = (request: Request) => Response | Promise<Response>;

function parseUrl(path: string, host: string | undefined): URL | null {
  try {
    return new URL(path, `http://${host ?? 'localhost'}`);
  } catch {
    return null;
  }
}

/**
 * The body a body parser already read (`express.json()`, `express.text()`, `express.raw()`), as bytes to
 * send on; undefined when none ran and the stream is still there to read.
 */
function parsedBody(req: IncomingMessage & { body?: unknown }): string | Uint8Array | undefined {
  const consumed = req.readableEnded || (req as { readableDidRead?: boolean }).readableDidRead === true;
  if (!consumed || req.body === undefined) return undefined;
  if (typeof req.body === 'string' || req.body instanceof Uint8Array) return req.body;
  return JSON.stringify(req.body);
}

/**
 * A Node request as a Fetch-API Request (the peer address is remembered for the session manager). Mounted
 * after a body parser (`app.use(express.json())` before the handler), the body it parsed is sent on, so the
 * order of middleware does not matter.
 */
export function toFetchRequest(req: IncomingMessage & { originalUrl?: string; body?: unknown }): Request {
  // Express strips its mount path from `url` but keeps it in `originalUrl`: the handler needs the full path.
  const path = req.originalUrl ?? req.url ?? '/';
  // A Host header that is no host (a scanner's "a b") must not turn into a 500: the path is what matters.
  const url = parseUrl(path, req.headers.host) ?? parseUrl(path, 'localhost') ?? new URL('http://localhost/');
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const parsed = hasBody ? parsedBody(req) : undefined;
  if (parsed !== undefined) headers.delete('content-length');
  const request = new Request(url, {
    method: req.method,
    headers,
    body: !hasBody ? undefined : (parsed ?? (Readable.toWeb(req) as ReadableStream)),
    // Node's fetch needs this for a streamed request body.
    ...(hasBody && parsed === undefined ? { duplex: 'half' } : {}),
  } as RequestInit);
  setClientAddress(request, req.socket.remoteAddress);
  return request;
}

/** Writes a Fetch-API Response to a Node response, streaming its body (the event stream stays open). */
export async function writeFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.on('close', () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    res.write(value);
  }
  res.end();
}

/**
 * A Fetch-API handler as a Node `(req, res)` listener: for `http.createServer` and Express
 * (`app.use('/api', toNodeListener(handler))`, before any body parser).
 */
export function toNodeListener(handler: FetchHandler) {
  return (req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve()
      .then(() => handler(toFetchRequest(req)))
      .then((response) => writeFetchResponse(response, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'UNKNOWN', message: 'Something went wrong on the server.' }));
      });
  };
}
