/**
 * A short name for a set of session ids, the same on both halves: the server sends it when a live stream
 * connects, and the kit compares it with the list it holds, refetching only when they differ. A sign-in
 * that landed between a server-rendered page and its stream's first connect is caught without a refetch
 * on every page load. 32-bit FNV-1a over the sorted ids: a consistency check, not a secret.
 */
export function sessionSetFingerprint(ids: Iterable<string>): string {
  let hash = 0x811c9dc5;
  for (const char of [...ids].sort().join(',')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
