import { MAX_BODY_BYTES } from '../contract/limits.js';

/** A request body the server will not read: too large (413) or not readable as the JSON asked for (400). */
export class RequestBodyError extends Error {
  override readonly name = 'RequestBodyError';
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A JSON object body, read chunk by chunk and abandoned once it passes `maxBytes`: a body of any size
 * (chunked, or with a lying Content-Length) costs at most that much memory, and an endless one cannot
 * hang the request. An empty body is `{}`. Throws a RequestBodyError (413 too large, 400 not a JSON
 * object) — for a host's own routes (its sign-in form) as much as for the contract's.
 *
 * @example
 * const body = await readJsonBody(request, { maxBytes: 4096 }); // Record<string, unknown>
 */
export async function readJsonBody(
  request: Request,
  { maxBytes = MAX_BODY_BYTES }: { maxBytes?: number } = {},
): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readLimitedText(request, maxBytes);
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RequestBodyError(400, 'The body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RequestBodyError(400, 'The body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

const tooLarge = (maxBytes: number) =>
  new RequestBodyError(413, `The body is larger than ${maxBytes} bytes.`);

async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return '';
  if (request.bodyUsed)
    throw new RequestBodyError(400, 'The body was read already (a body parser ran first).');
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        void reader.cancel().catch(() => {});
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof RequestBodyError) throw error;
    throw new RequestBodyError(400, 'The body could not be read.');
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
