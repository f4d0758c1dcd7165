/**
 * The few byte tools the server needs, on Web Crypto and the globals every runtime has (Node 20, Bun,
 * Deno, Workers, a browser): no `node:crypto`, no `Buffer`, so the same server code runs in all of them —
 * the memory backend runs it in the page.
 */

/** `count` random bytes from the platform's CSPRNG. */
export const randomBytes = (count: number) => globalThis.crypto.getRandomValues(new Uint8Array(count));

export const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The bytes of a base64url text; throws on text that is not base64url. */
export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new TypeError('not base64url');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** SHA-256 of a text (UTF-8), hex. */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(
    new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))),
  );
}

/**
 * Whether two texts are equal, taking the same time wherever they differ (so a guesser learns nothing
 * from the timing). Texts of different lengths are unequal at once: the lengths here are public (hex
 * hashes, fixed-size tokens).
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
