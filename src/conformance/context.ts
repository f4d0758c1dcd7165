import type { RuleFailure } from './expect.js';
import type { Secret } from './format.js';
import type { Client, EventStream, Exchange, Identity } from './http.js';
import type { SessionList } from './lists.js';
import type { AdvertisedPolicy } from './policy.js';

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
  /** A fourth sign-in of the test user, when given: it signs itself out (sign-out). */
  readonly c4: Identity | undefined;
  /** A fifth, when given: the admin ends it (admin-revoke-session). */
  readonly c5: Identity | undefined;
  /** A sixth, when given: C1 reports it as not the user's own sign-in (not-me). */
  readonly c6: Identity | undefined;
  readonly admin: Identity | undefined;
  /**
   * The `activity` option: true, the backend says it serves the activity log (a 404 fails); false, the
   * log is not checked; undefined, GET /sessions/activity decides (404: not offered).
   */
  readonly activity: boolean | undefined;
  /** Every credential the cookies carry: none may appear in a response. */
  readonly secrets: readonly Secret[];
  readonly state: {
    /** The latest list each identity got, by label. */
    readonly lists: Map<string, SessionList>;
    ids?: ThreeIds;
    /** Why the sessions could not be told apart, once: later rules report it without re-asking. */
    identifyFailure?: RuleFailure;
    /** The rule in which that happened. */
    identifyFailedIn?: string;
    /** The rule running now. */
    currentRule?: string;
    /** Each sign-in's own session id, by label, once seen in its own list. */
    readonly owned: Map<string, string>;
    /** The answer to revoking a random id: what "ended" and "foreign" must look exactly like. */
    unknownAnswer?: Exchange;
    /** Whether revoking asks for the password; undefined until detected (then treated as "required"). */
    passwordRequired?: boolean;
    /** The test user's id, as the admin endpoints show it. */
    testUserId?: string;
    /** The admin stats before revoke-one, to compare after it. */
    statsBefore?: Record<string, number>;
    /** What GET /sessions/policy advertised, when the server offers it. */
    advertised?: AdvertisedPolicy;
    /** rate-limit locked C2's session (lockout-per-session then checks C3 is not locked with it). */
    lockedC2?: boolean;
    /**
     * The activity log, as activity-shape found it: 'offered' (200), 'absent' (404, or not to be checked),
     * 'broken' (any other answer: the later activity rules do not run).
     */
    activity?: 'offered' | 'absent' | 'broken';
    /** C1's and C2's live-event streams, opened before revoke-others; 'absent' when the server has none. */
    streams?: { c1: EventStream; c2: EventStream } | 'absent';
    /** Side effects a broken server caused (e.g. a session ended by a request that had to be refused). */
    readonly damage: string[];
    /**
     * Sign-ins a broken server ended before their time, by label, with the rule that did it: a later rule
     * that needs one is reported "not run" pointing there, instead of failing again (one root, one failure).
     */
    readonly lost: Map<string, string>;
    /** Sign-ins whose password actions a broken server locked, with the rule that showed it. */
    readonly locked: Map<string, string>;
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
  /** The section of docs/rest-contract.md it checks (its anchor). */
  readonly section: string;
  /**
   * What the rule needs beyond the three sign-ins, else it is skipped: an admin cookie, a fourth sign-in
   * of the test user, a fifth and an admin, or a sixth.
   */
  readonly needs?: 'admin' | 'fourth' | 'fifth' | 'sixth';
  run(ctx: Context): Promise<RuleOutcome | undefined>;
}

/** A password rule's pass when the server, by its own legitimate policy, asks for no password. */
export const NO_PASSWORD_ASKED: RuleOutcome = {
  note: 'skipped: the server does not ask for the password (password-policy), as the contract allows',
  skipped: true,
};

/**
 * Records sessions a broken server ended that it should not have: the damage note, and each sign-in as
 * lost, so the rules after it that need one say "not run" instead of failing on its 401.
 */
export function lose(ctx: Context, ids: readonly string[], how: string): void {
  const labels: string[] = [];
  for (const who of [ctx.c1, ctx.c2, ctx.c3, ctx.c4, ctx.c5, ctx.c6]) {
    const id = who ? ctx.state.owned.get(who.label) : undefined;
    if (who && id && ids.includes(id) && !ctx.state.lost.has(who.label)) {
      ctx.state.lost.set(who.label, ctx.state.currentRule ?? 'an earlier rule');
      labels.push(who.label);
    }
  }
  ctx.state.damage.push(`${how} ended ${labels.length > 0 ? labels.join(', ') : ids.join(', ')}`);
}
