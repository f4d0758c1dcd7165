import type { Exchange } from './http.js';
import { SERVER_CODES } from './words.js';

export { SERVER_CODES };

/**
 * A broken rule: what was expected against what came, and the exchange that showed it. `focus` is the
 * text in the body that broke it (a leaked token deep in a long list), so the report shows that part.
 */
export class RuleFailure extends Error {
  override readonly name = 'RuleFailure';
  constructor(
    readonly detail: string,
    readonly exchange?: Exchange,
    readonly focus?: string,
    /** `not-run`: a precondition broke earlier (or time ran out); this rule says so and fails nothing. */
    readonly kind: 'failed' | 'not-run' = 'failed',
  ) {
    super(detail);
  }
}

export function fail(detail: string, exchange?: Exchange, focus?: string): never {
  throw new RuleFailure(detail, exchange, focus);
}

/** Stops a rule that cannot run because something it needs broke first: reported once, at that root. */
export function notRun(detail: string): never {
  throw new RuleFailure(detail, undefined, undefined, 'not-run');
}

/**
 * The contract's codes a server may send (docs/rest-contract.md, Errors), with the statuses they go with.
 * NETWORK and INVALID_RESPONSE are the client's own verdicts, never a server's.
 */
export const CODE_FOR_STATUS: Readonly<Record<number, readonly string[]>> = {
  400: ['UNKNOWN'],
  401: ['UNAUTHORIZED'],
  403: ['REAUTH_REQUIRED', 'FORBIDDEN'],
  404: ['NOT_FOUND'],
  422: ['INVALID_PASSWORD'],
  429: ['RATE_LIMITED'],
  503: ['UNAVAILABLE', 'UNKNOWN'],
};

/** The value as a JSON object, or undefined when it is anything else (an array, null, a string). */
export const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** The error body's code when it is `{ code: string, message: string }`, else undefined. */
export function errorCode(exchange: Exchange): string | undefined {
  const body = asRecord(exchange.json);
  return typeof body?.code === 'string' && typeof body.message === 'string' ? body.code : undefined;
}

/** Why an error response breaks the contract's `{ code, message }` rule, or undefined when it does not. */
export function errorBodyProblem(exchange: Exchange): string | undefined {
  const body = asRecord(exchange.json);
  if (!body) return 'the body is not a JSON object';
  if (typeof body.code !== 'string') return 'the body has no string `code`';
  if (typeof body.message !== 'string') return 'the body has no string `message`';
  if (!(SERVER_CODES as readonly string[]).includes(body.code)) {
    return `"${body.code}" is not one of the contract's codes (${SERVER_CODES.join(', ')})`;
  }
  const allowed = CODE_FOR_STATUS[exchange.status];
  if (allowed && !allowed.includes(body.code)) {
    return `${exchange.status} goes with ${allowed.join(' or ')}, not "${body.code}"`;
  }
  return undefined;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * What to do about a POST that carried the CSRF token and was refused anyway: most likely the server reads
 * another cookie or header than the kit's guess.
 */
const csrfHint = (exchange: Exchange) =>
  exchange.method === 'POST' &&
  exchange.status === 403 &&
  errorCode(exchange) !== 'REAUTH_REQUIRED' &&
  exchange.csrf !== 'omitted' &&
  exchange.csrf !== 'wrong'
    ? exchange.csrf === 'unknown'
      ? ' — the kit found no CSRF cookie to send (pass --csrf-cookie NAME --csrf-header NAME)'
      : ' — a POST that carried the CSRF token was refused: if the server reads another cookie or header, pass --csrf-cookie NAME --csrf-header NAME'
    : '';

/** A response in a few words, for a failure's "got …". */
export function describe(exchange: Exchange): string {
  if (exchange.status === 0) return `no answer (${exchange.error ?? 'no response'})`;
  const location = exchange.headers.get('Location');
  if (location) return `${exchange.status} redirecting to ${cut(location, 80)}`;
  const oneLine = exchange.text.replace(/\s+/g, ' ').trim();
  if (oneLine === '') return `${exchange.status} with an empty body${csrfHint(exchange)}`;
  return `${exchange.status} with ${exchange.json === undefined ? 'non-JSON ' : ''}${cut(oneLine, 120)}${csrfHint(exchange)}`;
}

/** Expects one of `statuses`; `what` says what the request was for. */
export function expectStatus(exchange: Exchange, statuses: number | readonly number[], what: string) {
  const list = typeof statuses === 'number' ? [statuses] : statuses;
  if (!list.includes(exchange.status)) {
    fail(`${what}: expected ${list.join(' or ')}, got ${describe(exchange)}`, exchange);
  }
}

/** Expects an error status with a `{ code, message }` body carrying exactly `code`. */
export function expectError(exchange: Exchange, status: number, code: string, what: string) {
  const expected = `${status} {"code":"${code}","message":…}`;
  if (exchange.status !== status || errorCode(exchange) !== code) {
    fail(`${what}: expected ${expected}, got ${describe(exchange)}`, exchange);
  }
}

/** Expects a 2xx JSON object body and returns it. */
export function expectJsonObject(exchange: Exchange, status: number, what: string): Record<string, unknown> {
  expectStatus(exchange, status, what);
  const body = asRecord(exchange.json);
  if (!body) fail(`${what}: expected a JSON object body, got ${describe(exchange)}`, exchange);
  return body;
}

export const isNonNegativeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The shape two "not found" answers share: status, code and the body's keys. */
export function answerShape(exchange: Exchange): string {
  const body = asRecord(exchange.json);
  const keys = body ? Object.keys(body).sort().join(',') : 'no JSON object';
  return `${exchange.status} code=${errorCode(exchange) ?? '—'} keys=${keys}`;
}

/** The request's path, short enough for a one-line detail (a hostile id can be 1,000 characters). */
export const shortPath = (exchange: Exchange) => cut(exchange.path, 80);
