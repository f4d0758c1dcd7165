// A Fetch-API Request has no socket. The Node adapter remembers each request's peer address here, keyed
// by the Request object, so the manager can read it without a header a client could forge.
const addresses = new WeakMap<Request, string>();

/** Records the peer address of a request (the Node adapter calls this; other adapters may too). */
export function setClientAddress(request: Request, address: string | undefined | null): void {
  if (address) addresses.set(request, address);
}

/** The peer address recorded for a request, or null. */
export function getClientAddress(request: Request): string | null {
  return addresses.get(request) ?? null;
}

/**
 * The first address of `X-Forwarded-For`, for a server behind a proxy the host trusts (pass it as the
 * manager's `clientIp`); falls back to the peer address. Never use it without such a proxy: a client can
 * send the header itself.
 */
export function forwardedClientAddress(request: Request): string | null {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || getClientAddress(request);
}
