import type { RuleFailure } from './expect.js';
import type { Secret } from './format.js';
import type { Client, EventStream, Exchange, Identity } from './http.js';
import type { SessionList } from './lists.js';

/** The session ids of the three sign-ins, as the server's own lists named them. */
export interface ThreeIds {
  readonly c1: string;
  readonly c2: string;
  readonly c3: string;
}

/** What the rules share: the client, the identities, and what earlier rules learned. */
export interface Context {
  readonly client: Client;
  readonly password: string;
  /** Never the password: a fixed prefix and random hex. */
  readonly wrongPassword: string;
  readonly c1: Identity;
  readonly c2: Identity;
  readonly c3: Identity;
  readonly admin: Identity | undefined;
  /** Every credential the cookies carry: none may appear in a response. */
  readonly secrets: readonly Secret[];
  readonly state: {
    /** The latest list each identity got, by label. */
    readonly lists: Map<string, SessionList>;
    ids?: ThreeIds;
    /** Why the three sessions could not be told apart, once: later rules report it without re-asking. */
    identifyFailure?: RuleFailure;
    /** The answer to revoking a random id: what "ended" and "foreign" must look exactly like. */
    unknownAnswer?: Exchange;
    /** Whether revoking asks for the password; undefined until detected (then treated as "required"). */
    passwordRequired?: boolean;
    /** rate-limit locked C2's session (lockout-per-session then checks C3 is not locked with it). */
    lockedC2?: boolean;
    /** C1's and C2's live-event streams, opened before revoke-others; 'absent' when the server has none. */
    streams?: { c1: EventStream; c2: EventStream } | 'absent';
    /** Side effects a broken server caused (e.g. a session ended by a request that had to be refused). */
    readonly damage: string[];
  };
  /** A fresh id no server has handed out, shaped like a real one. */
  randomId(): string;
}

export function randomHex(bytes: number): string {
  const values = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** How a rule that passed went: a note for the report, and whether it passed by being moot. */
export interface RuleOutcome {
  readonly note: string;
  readonly skipped?: boolean;
}

/** One check of the contract. It throws a RuleFailure when the server breaks it. */
export interface Rule {
  readonly name: string;
  /** `admin`: runs only with an admin cookie. */
  readonly needs?: 'admin';
  run(ctx: Context): Promise<RuleOutcome | undefined>;
}

/** A password rule's pass when the server, by its own legitimate policy, asks for no password. */
export const NO_PASSWORD_ASKED: RuleOutcome = {
  note: 'skipped: the server does not ask for the password (password-policy), as the contract allows',
  skipped: true,
};
