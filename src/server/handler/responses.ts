import type { SessionsErrorCode } from '../../provider/SessionsError.js';
import { RequestBodyError, readJsonBody } from '../requestBody.js';

/** The server's error codes: the contract's, plus UNAVAILABLE for a store that cannot be reached (503). */
export type ServerErrorCode = SessionsErrorCode | 'UNAVAILABLE';

/** A response in the making: the routes add cookies and headers, the handler adds the common ones. */
export class ContractResponse {
  readonly headers = new Headers();
  constructor(
    readonly status: number,
    readonly body: unknown = undefined,
    /** A streamed body (the event stream) instead of JSON. */
    readonly stream?: ReadableStream<Uint8Array>,
  ) {}
  cookie(value: string) {
    this.headers.append('Set-Cookie', value);
    return this;
  }
  toResponse(): Response {
    if (this.stream) return new Response(this.stream, { status: this.status, headers: this.headers });
    if (this.body !== undefined) this.headers.set('Content-Type', 'application/json; charset=utf-8');
    return new Response(this.body === undefined ? null : JSON.stringify(this.body), {
      status: this.status,
      headers: this.headers,
    });
  }
}

export const json = (body: unknown, status = 200) => new ContractResponse(status, body);
export const noContent = () => new ContractResponse(204);

/** The contract's error: a status and `{ code, message }`. */
export function fail(status: number, code: ServerErrorCode, message: string, retryAfter?: number) {
  const response = new ContractResponse(status, { code, message });
  if (retryAfter !== undefined) response.headers.set('Retry-After', String(retryAfter));
  return response;
}

/** Thrown inside a route to answer an error at once (bad input, a refused password). */
export class Refusal extends Error {
  constructor(readonly response: ContractResponse) {
    super('refused');
  }
}

export const badRequest = (message: string) => new Refusal(fail(400, 'UNKNOWN', message));

/** Reads a JSON object body (empty means `{}`); a bad one is a 400 or 413 with a code, never a 5xx. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  try {
    return await readJsonBody(request);
  } catch (error) {
    if (error instanceof RequestBodyError) throw new Refusal(fail(error.status, 'UNKNOWN', error.message));
    throw error;
  }
}

/**
 * Control characters (NUL above all) in a value meant for the store: PostgreSQL's text cannot hold a NUL
 * and refuses the whole query, so they are refused here, as bad input, before any store sees them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const hasControlCharacters = (text: string) => /[\u0000-\u001f\u007f]/.test(text);

/**
 * An optional string field: absent or null is undefined; anything but a string, or a string too long or
 * (unless `anyText`, for passwords, which never reach the store) with control characters, is a 400.
 */
export function optionalString(
  body: Record<string, unknown>,
  field: string,
  maxLength = 200,
  anyText = false,
) {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > maxLength || (!anyText && hasControlCharacters(value))) {
    throw badRequest(
      `"${field}" must be a string of at most ${maxLength} characters, without control characters.`,
    );
  }
  return value;
}

/** An optional query parameter: empty is undefined; too long or with control characters is a 400. */
export function optionalParam(params: URLSearchParams, name: string, maxLength = 200) {
  const value = params.get(name)?.trim();
  if (!value) return undefined;
  if (value.length > maxLength || hasControlCharacters(value)) {
    throw badRequest(`"${name}" must be at most ${maxLength} characters, without control characters.`);
  }
  return value;
}
