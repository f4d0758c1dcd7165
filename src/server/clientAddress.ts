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

export interface ForwardedClientAddressOptions {
  /**
   * How many proxies you run in front of the app, each appending the address it received from to the
   * header (nginx's `$proxy_add_x_forwarded_for`, AWS ALB, Heroku, Fly, Cloudflare in front of nginx = 2).
   * The client is the entry this many places from the right; everything left of it is the client's own
   * claim and is ignored. @default 1
   */
  hops?: number;
  /**
   * The header the nearest proxy writes. `x-forwarded-for` for appending proxies; for a proxy that
   * overwrites a header with the address it saw (`proxy_set_header X-Real-IP $remote_addr`), name that
   * header and keep `hops: 1`. @default 'x-forwarded-for'
   */
  header?: string;
}

// Addresses only: IPv4, IPv6 (with a zone or an embedded IPv4), nothing else reaches a session row.
const ADDRESS = /^(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]{2,39}(?:%[0-9A-Za-z]{1,15})?)$/;

/**
 * The client's address behind proxies you run, for the manager's `clientIp`: the entry `hops` places
 * from the right of `X-Forwarded-For`, which your nearest proxy wrote — never the leftmost, which any
 * client can write itself. Falls back to the peer address when the header is missing, shorter than
 * `hops` or not an address. Use it only behind such proxies: without one every entry is the client's.
 *
 * @example
 * createSessionManager({ store, clientIp: forwardedClientAddress({ hops: 1 }) }); // one nginx in front
 */
export function forwardedClientAddress(
  options: ForwardedClientAddressOptions = {},
): (request: Request) => string | null {
  const hops = options.hops ?? 1;
  if (!Number.isInteger(hops) || hops < 1)
    throw new TypeError('forwardedClientAddress: hops must be a whole number of at least 1.');
  const header = options.header ?? 'x-forwarded-for';
  return (request) => {
    // Several headers of one name arrive joined with ", ": the same list.
    const entries = (request.headers.get(header) ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const entry = entries[entries.length - hops];
    return entry !== undefined && ADDRESS.test(entry) ? entry : getClientAddress(request);
  };
}
