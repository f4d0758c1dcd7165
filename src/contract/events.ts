/**
 * The contract's live events (docs/rest-contract.md, "Live events"): their names on the wire, why a
 * session ended, and what each carries. The server sends them, the REST adapter reads them, the kit's data
 * layer acts on them, under these names everywhere.
 */

/** The `event:` names of the stream. */
export const SESSION_EVENTS = {
  /** First, once the stream listens: the name of the user's session set (`ConnectedData`). */
  connected: 'connected',
  /** Another device of the user signed in. */
  started: 'session.started',
  /** Another device of the user was signed out. */
  ended: 'session.ended',
  /** This device itself was signed out; the stream closes after it. */
  signedOut: 'signed-out',
} as const;
export type SessionEventName = (typeof SESSION_EVENTS)[keyof typeof SESSION_EVENTS];

/** Why a session ended: the `cause` of `session.ended` and `signed-out`. */
export const SESSION_END_CAUSES = [
  /** The user signed this device out from another one ("Sign out" on its row). */
  'revoked',
  /** The user chose "Sign out other devices" elsewhere. */
  'revoked-others',
  /** The user chose "Sign out everywhere". */
  'revoked-all',
  /** The device signed itself out, or a new sign-in in its browser replaced it. */
  'signed-out',
  /** An admin ended it. */
  'admin',
  /** The host ended it from its own code (a password change, a ban). */
  'host',
  /** It reached its idle or absolute expiry. */
  'expired',
  /** A new sign-in of the user went past the host's cap on sessions, and this was the least recently active. */
  'session-limit',
  /** The user reported its sign-in as not theirs (the new-device link, or "This wasn't me?"). */
  'not-me',
] as const;
export type SessionEndCause = (typeof SESSION_END_CAUSES)[number];

export const isSessionEndCause = (value: unknown): value is SessionEndCause =>
  (SESSION_END_CAUSES as readonly unknown[]).includes(value);

/** `data` of `session.started`. */
export interface SessionStartedData {
  sessionId: string;
}

/** `data` of `session.ended` and of `signed-out`. */
export interface SessionEndedData {
  sessionId: string;
  cause: SessionEndCause;
  /** The session whose request ended it; null when an admin, the host or time did. */
  bySessionId: string | null;
}

/** `data` of `connected`. */
export interface ConnectedData {
  /** `sessionSetFingerprint` of the user's live session ids as the stream starts; null when unknown. */
  fingerprint: string | null;
}

/**
 * A short name for a set of session ids, the same on both halves: the server sends it when a live stream
 * connects, and the kit compares it with the list it holds, refetching only when they differ. A sign-in
 * that landed between a server-rendered page and its stream's first connect is caught without a refetch
 * on every page load. 32-bit FNV-1a over the ids sorted by code point and joined by `,`, in base 36: a
 * consistency check, not a secret.
 */
export function sessionSetFingerprint(ids: Iterable<string>): string {
  let hash = 0x811c9dc5;
  for (const char of [...ids].sort().join(',')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
