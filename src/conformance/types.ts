/** What `runConformance` needs to exercise a live backend that claims to implement docs/rest-contract.md. */
export interface ConformanceOptions {
  /** The contract's base URL, e.g. `https://staging.example.com/api` (the paths below it are `/sessions…`). */
  baseUrl: string;
  /**
   * Full `Cookie` header values of three separate sign-ins of ONE test user. The first is "this device":
   * the kit revokes the other two from it and finally ends every session of that user.
   */
  cookies: readonly [string, string, string];
  /** The test user's password (sent only in POST bodies, never printed). */
  password: string;
  /**
   * A `Cookie` header value of a sign-in of ANOTHER user who is an admin. Turns on the admin rules and the
   * foreign-id rule (one of its session ids must be as unknown to the test user as a random one).
   */
  adminCookie?: string;
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
  /** The readable CSRF cookie. @default 'XSRF-TOKEN' */
  csrfCookieName?: string;
  /** The header that echoes it on every POST. @default 'X-XSRF-TOKEN' */
  csrfHeaderName?: string;
  /** Called with each output line as the run goes (the CLI prints them). */
  log?: (line: string) => void;
}

export interface ConformanceResult {
  /** The rule's kebab-case name, e.g. `unknown-id-404`. */
  rule: string;
  ok: boolean;
  /** What was expected and what came instead (on failure), or a note (on a pass, e.g. why it was skipped). */
  detail?: string;
  /** The HTTP exchange that broke the rule, as printable text (cookies and the password redacted). */
  exchange?: string;
  /** True when the rule passed without running, because the server's legitimate policy makes it moot. */
  skipped?: boolean;
}

export interface ConformanceReport {
  passed: number;
  failed: number;
  results: ConformanceResult[];
}
