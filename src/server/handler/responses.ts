import { ParamError, type ServerErrorCode } from '../../contract/index.js';
import type { SessionManager } from '../createSessionManager.js';
import { RequestBodyError, readJsonBody } from '../requestBody.js';

export type { ServerErrorCode };

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
  /** Removes the session cookie (profilekit's, or the host's session system's): its session just ended. */
  clearingSession(manager: Pick<SessionManager, 'clearCookie'>) {
    return this.cookie(manager.clearCookie());
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

/** Reads parameters with the contract's readers: a rule broken is a 400 with the reader's message. */
export function readParams<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ParamError) throw badRequest(error.message);
    throw error;
  }
}

/** Reads a JSON object body (empty means `{}`); a bad one is a 400 or 413 with a code, never a 5xx. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  try {
    return await readJsonBody(request);
  } catch (error) {
    if (error instanceof RequestBodyError) throw new Refusal(fail(error.status, 'UNKNOWN', error.message));
    throw error;
  }
}
