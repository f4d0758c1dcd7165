import type { Context } from 'hono';
import type { SessionsErrorCode } from '../../src/provider/SessionsError.js';
import type { SessionRow, UserRow } from './store.js';

/** What the auth middleware puts on the context for the routes behind it. */
export type AppEnv = { Variables: { session: SessionRow; user: UserRow } };

/** The contract's error body: `{ code, message }` with the status that goes with it. */
export function fail(
  c: Context,
  status: 400 | 401 | 403 | 404 | 422 | 429,
  code: SessionsErrorCode,
  message: string,
  retryAfter?: number,
) {
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  return c.json({ code, message }, status);
}

/** Reads a JSON object body; null when it is not one (the route answers 400). */
export async function readBody(c: Context): Promise<Record<string, unknown> | null> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export const optionalString = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
