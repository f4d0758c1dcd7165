import { setClientAddress } from './clientAddress.js';

/**
 * A Node request (node:http, Express, Fastify's `request.raw`) as the manager reads it: its headers and
 * its socket, nothing else. Structural, so the server half needs no Node types.
 */
export interface NodeRequestLike {
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string | undefined } | null;
}

/** What the manager's calls take: a Fetch `Request` (Hono, Next.js, Bun) or a Node request (Express). */
export type IncomingRequest = Request | NodeRequestLike;

const isFetchRequest = (request: IncomingRequest): request is Request =>
  typeof (request as Request).headers?.get === 'function';

/**
 * The request's headers and peer address as a body-less Fetch Request (the form `clientIp` hooks take).
 * A Node request's body is never touched: a body parser (`express.json()`) may have read it already, and
 * the manager needs none of it.
 */
export function headersOnly(request: IncomingRequest): Request {
  if (isFetchRequest(request)) return request;
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    // HTTP/2 pseudo-headers (":path") are no headers a Request can carry.
    if (name.startsWith(':') || value === undefined) continue;
    try {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else headers.set(name, value);
    } catch {
      // A value Fetch's Headers refuses (a raw byte Node let through) is one the manager can do without.
    }
  }
  const facts = new Request('http://localhost/', { headers });
  setClientAddress(facts, request.socket?.remoteAddress);
  return facts;
}
