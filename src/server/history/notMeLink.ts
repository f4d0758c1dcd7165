import { constantTimeEqual, fromBase64Url, toBase64Url } from '../webCrypto.js';

/**
 * The "this wasn't me" link's token: `v1.<session id>.<expiry, epoch ms in base 36>.<HMAC-SHA256>`, the
 * MAC keyed by the host's secret over everything before it. Anyone holding the link may end that one
 * session (no sign-in needed: the mail is the proof), until it expires; it works once, because the log
 * takes one "not me" entry per session. It carries no token, no user id and nothing a reader can reuse.
 */

/** How long a link works. @default 7 days (a new-device mail read the next week still helps) */
export const DEFAULT_NOT_ME_LINK_LIFETIME_MS = 7 * 86_400_000;
const MIN_SECRET_LENGTH = 32;

async function keyOf(secret: string) {
  return globalThis.crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
}

/** Signs and reads not-me tokens with one host secret. */
export function createNotMeTokens(secret: string) {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new TypeError(
      `The not-me link's secret must be a string of at least ${MIN_SECRET_LENGTH} characters (32 random bytes, say).`,
    );
  }
  const key = keyOf(secret);
  const mac = async (text: string) =>
    toBase64Url(
      new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(text))),
    );
  return {
    async sign(sessionId: string, expiresAt: number) {
      const body = `v1.${sessionId}.${expiresAt.toString(36)}`;
      return `${body}.${await mac(body)}`;
    },
    /** The session a token names, or why it names none. */
    async read(
      token: string,
      now: number,
    ): Promise<{ ok: true; sessionId: string } | { ok: false; reason: 'invalid' | 'expired' }> {
      const parts = token.length > 400 ? [] : token.split('.');
      if (parts.length !== 4 || parts[0] !== 'v1') return { ok: false, reason: 'invalid' };
      const [, sessionId = '', expiry = '', signature = ''] = parts;
      try {
        fromBase64Url(signature);
      } catch {
        return { ok: false, reason: 'invalid' };
      }
      if (!constantTimeEqual(signature, await mac(`v1.${sessionId}.${expiry}`))) {
        return { ok: false, reason: 'invalid' };
      }
      const expiresAt = Number.parseInt(expiry, 36);
      return expiresAt > now ? { ok: true, sessionId } : { ok: false, reason: 'expired' };
    },
  };
}

/**
 * When a not-me link the manager made expires (its token says it in the clear), for the mail to tell the
 * reader; null for a URL that carries no such token. Reads, never verifies: only the handler trusts a token.
 */
export function notMeLinkExpiry(url: string): number | null {
  let token: string | undefined;
  try {
    token = new URL(url).searchParams.getAll('token').at(-1);
  } catch {
    return null;
  }
  const [version, , expiry = '', ...rest] = token?.split('.') ?? [];
  if (version !== 'v1' || rest.length !== 1 || !/^[0-9a-z]{1,11}$/.test(expiry)) return null;
  return Number.parseInt(expiry, 36);
}
