import { createHash } from 'node:crypto';
import type { SessionsPageCursor } from '../types.js';

/**
 * Admin page cursors: the last row's sort value and id, bound to the query they came from. A cursor sent
 * back with another sort or other filters is refused (400) instead of silently skipping or repeating rows.
 */
const fingerprint = (query: unknown) =>
  createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 12);

export function encodeCursor(after: SessionsPageCursor, query: unknown): string {
  return Buffer.from(JSON.stringify([after.value, after.id, fingerprint(query)])).toString('base64url');
}

/** The position a cursor names, or null when it is not one this server gave out for this query. */
export function decodeCursor(cursor: string, query: unknown): SessionsPageCursor | null {
  if (cursor.length > 512) return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length !== 3) return null;
    const [value, id, print] = decoded as unknown[];
    if (typeof value !== 'number' || !Number.isFinite(value) || typeof id !== 'string') return null;
    return print === fingerprint(query) ? { value, id } : null;
  } catch {
    return null;
  }
}
