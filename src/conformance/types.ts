/** What `runConformance` needs to exercise a live backend that claims to implement docs/rest-contract.md. */
export interface ConformanceOptions {
  /** The contract's base URL, e.g. `https://staging.example.com/api` (the paths below it are `/sessions…`). */
  baseUrl: string;
  /**
   * Full `Cookie` header values of three to six separate sign-ins of ONE test user. The first is "this
   * device": the kit revokes the others from it and finally ends every session of that user. A fourth
   * turns on the sign-out rule (it signs itself out), a fifth the admin's revoke of a real session, a
   * sixth the not-me report (the first reports it as not the user's); without them those rules are
   * reported as skipped. `--sign-in` makes all six.
   */
  cookies: readonly string[];
  /** The test user's password (sent only in POST bodies, never printed). */
  password: string;
  /**
   * A `Cookie` header value of a sign-in of ANOTHER user who is an admin. Turns on the admin rules and the
   * foreign-id rule (one of its session ids must be as unknown to the test user as a random one).
   */
  adminCookie?: string;
  /**
   * Whether the backend serves the activity log (`GET /sessions/activity`, "not me", `GET /admin/activity`),
   * an optional part of the contract. `true`: it says it does, and a 404 fails activity-shape; `false`:
   * the activity rules are skipped without asking. @default asked: a 404 skips them as not offered
   */
  activity?: boolean;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per-request time limit in milliseconds. @default 5000 */
  timeoutMs?: number;
  /** Time limit for the whole run in milliseconds. @default 60000 */
  totalTimeoutMs?: number;
  /**
   * Kept so existing scripts run: the password limit is checked on every run now, since it locks only the
   * kit's own C2 session (the contract counts wrong passwords per session). @deprecated
   */
  checkRateLimit?: boolean;
  /** Ends the run early, as the global time limit does: the rules not yet run fail with "not run". */
  signal?: AbortSignal;
  /**
   * The readable CSRF cookie. @default discovered among the cookies the server sets or the ones given:
   * `XSRF-TOKEN` (Laravel, Angular, profilekit), `csrftoken` (Django), `CSRF-TOKEN`, `_csrf`, `csrf_token`
   */
  csrfCookieName?: string;
  /** The header that echoes it on every POST. @default the one that goes with the cookie found */
  csrfHeaderName?: string;
  /** Called with each output line as the run goes (the CLI prints them). */
  log?: (line: string) => void;
}

/**
 * How a rule went. `skipped`: it did not apply (the server's legitimate policy makes it moot, or the run
 * lacked what it needs, e.g. a fourth sign-in) — never counted as passed. `not-run`: it could not run
 * because something it needs broke first (that rule's failure is the one to read) or the time ran out.
 */
export type ConformanceStatus = 'passed' | 'failed' | 'skipped' | 'not-run';

export interface ConformanceResult {
  /** The rule's kebab-case name, e.g. `unknown-id-404`. */
  rule: string;
  status: ConformanceStatus;
  /** `status === 'passed'`. */
  ok: boolean;
  /** The section of docs/rest-contract.md the rule checks. */
  section: string;
  /** What was expected and what came instead (on failure), why it did not run, or a note. */
  detail?: string;
  /** The HTTP exchange that broke the rule, as printable text (cookies and the password redacted). */
  exchange?: string;
  /** @deprecated `status === 'skipped'` */
  skipped?: boolean;
}

export interface ConformanceReport {
  passed: number;
  failed: number;
  skipped: number;
  notRun: number;
  /** How many requests the run sent. */
  requests: number;
  results: ConformanceResult[];
}
