import type { SessionsPageCursor } from '../types.js';
import { fromBase64Url, toBase64Url } from '../webCrypto.js';

/**
 * Admin page cursors: the last row's sort value and id, bound to the query they came from. A cursor sent
 * back with another sort or other filters is refused (400) instead of silently skipping or repeating rows.
 * The binding is a consistency check, not a secret: a 32-bit FNV-1a of the query is enough.
 */
function fingerprint(query: unknown): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(query)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

const utf8 = {
  encode: (text: string) => new TextEncoder().encode(text),
  decode: (b: Uint8Array) => new TextDecoder().decode(b),
};

export function encodeCursor(after: SessionsPageCursor, query: unknown): string {
  return toBase64Url(utf8.encode(JSON.stringify([after.value, after.id, fingerprint(query)])));
}

/** The position a cursor names, or null when it is not one this server gave out for this query. */
export function decodeCursor(cursor: string, query: unknown): SessionsPageCursor | null {
  if (cursor.length > 512) return null;
  try {
    const decoded: unknown = JSON.parse(utf8.decode(fromBase64Url(cursor)));
    if (!Array.isArray(decoded) || decoded.length !== 3) return null;
    const [value, id, print] = decoded as unknown[];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || typeof id !== 'string') return null;
    return print === fingerprint(query) ? { value, id } : null;
  } catch {
    return null;
  }
}
