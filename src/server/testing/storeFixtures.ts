// The store suite's data: a session as the manager writes it, the admin page table every paging test
// reads, and the keyset walk through it. Apart from the tests themselves (sessionStoreTests.ts), so a store's
// own extra tests import the fixture without the suite.
import type { SessionStore, SessionsPageQuery, StoredActivity, StoredSession } from '../types.js';

/** The suite's fixed clock: every expected answer is written from it. */
export const SUITE_NOW = Date.UTC(2026, 0, 15, 12);
export const HOUR = 3_600_000;
const NOW = SUITE_NOW;
const H = HOUR;

let serial = 0;
/**
 * A session as the manager writes it, every field overridable: for a store's own tests beyond the suite
 * (its races, its schema). Ids and token hashes are numbered, unique in the process and the same on every
 * run (a failure reproduces); tokens are never real ones.
 * Signed in 5 h before `now`, active 1 h before, expiring 10 h after (absolutely 20 h).
 */
export function sessionFixture(
  overrides: Partial<StoredSession> = {},
  { now = NOW }: { now?: number } = {},
): StoredSession {
  serial += 1;
  return {
    id: `ses_fixture_${serial}`,
    userId: 'usr_a',
    tokenHash: `${serial.toString(16).padStart(8, '0')}${'ab'.repeat(28)}`,
    tokenPreview: `prev${serial}`,
    userAgent: 'Mozilla/5.0 (Macintosh) Chrome/131',
    ipAddress: '198.51.100.7',
    device: { browser: 'Chrome', os: 'macOS', type: 'desktop' },
    location: { city: 'Porto', country: 'Portugal' },
    trusted: false,
    applicationId: 'web',
    createdAt: now - 5 * H,
    lastActiveAt: now - H,
    expiresAt: now + 10 * H,
    absoluteExpiresAt: now + 20 * H,
    authenticatedAt: now - 5 * H,
    ...overrides,
  };
}

/**
 * Ten sessions of five users for the admin page tests, with ties, expired rows, and user agents that
 * exercise the search (case, non-ASCII, full-width letters, `%` and `_`). Every expected answer below is
 * written out by hand from this table.
 */
const PAGE_ROWS: Array<[string, string, string, string | null, string | null, number, number, number]> = [
  // id, user, app, user agent, IP, created (h), last active (h), expires (h) — hours from NOW
  ['ses_01', 'usr_a', 'web', 'Mozilla/5.0 Firefox/133', '203.0.113.1', -10, -1, 10],
  ['ses_02', 'usr_a', 'mobile', 'Safari iPhone', '203.0.113.2', -9, -1, 10],
  ['ses_03', 'usr_b', 'web', 'Chrome/131', '198.51.100.3', -8, -2, 5],
  ['ses_04', 'usr_b', 'web', 'curl/8.0 100%_done', '198.51.100.4', -8, -3, 5],
  ['ses_05', 'usr_c', 'web', 'Mozilla/5.0 (École) FIREFOX', '2001:db8::5', -7, -4, 2],
  ['ses_06', 'usr_c', 'mobile', null, null, -6, -5, 2],
  ['ses_07', 'usr_d', 'web', 'Edg/131', '203.0.113.7', -5, -6, -1],
  ['ses_08', 'usr_d', 'web', 'Firefox', '203.0.113.8', -4, -7, -2],
  ['ses_09', 'usr_a', 'web', 'Ｆｉｒｅｆｏｘ (full width)', '203.0.113.9', -3, -0.5, 1],
  ['ses_10', 'usr_e', 'web', 'Chrome', '10.0.0.10', -30, -8, 3],
];

export async function pageStore(store: SessionStore) {
  for (const [id, userId, applicationId, userAgent, ipAddress, created, last, expires] of PAGE_ROWS) {
    await store.createSession(
      sessionFixture({
        id,
        userId,
        applicationId,
        userAgent,
        ipAddress,
        createdAt: NOW + created * H,
        lastActiveAt: NOW + last * H,
        expiresAt: NOW + expires * H,
      }),
    );
  }
}

/** Every id a query answers, page by page through its keyset cursor, and the total each page reported. */
export async function walk(store: SessionStore, query: Partial<SessionsPageQuery>, limit = 3) {
  const full: SessionsPageQuery = {
    now: NOW,
    status: 'active',
    sort: 'lastActiveAt',
    direction: 'desc',
    limit,
    ...query,
  };
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: SessionsPageQuery['after'];
  for (let page = 0; page < 20; page++) {
    const result = await store.listSessionsPage({ ...full, after });
    totals.add(result.total);
    ids.push(...result.sessions.map((s) => s.id));
    const last = result.sessions.at(-1);
    if (result.sessions.length < full.limit || !last) break;
    after = { value: last[full.sort], id: last.id };
  }
  return { ids, totals: [...totals] };
}

/**
 * A sign-in as the manager stores it, at the suite's clock: a session of `userId` (`overrides` on top) and
 * its `signed-in` entry (`in_<session id>`), from the device `deviceKey` names.
 */
export function signInFixture(
  userId: string,
  deviceKey: string | null,
  overrides: Partial<StoredSession> = {},
): { session: StoredSession; entry: StoredActivity } {
  const session = sessionFixture({ userId, createdAt: NOW, ...overrides });
  const entry = activityFixture({
    id: `in_${session.id}`,
    userId,
    sessionId: session.id,
    at: NOW,
    deviceKey,
  });
  return { session, entry };
}

/**
 * A log entry as the manager writes it, every field overridable: a sign-in of `usr_a` from the fixture's
 * device, an hour before the suite's clock.
 */
export function activityFixture(overrides: Partial<StoredActivity> = {}): StoredActivity {
  serial += 1;
  return {
    id: `act_fixture_${serial}`,
    userId: 'usr_a',
    kind: 'signed-in',
    at: NOW - H,
    sessionId: `ses_fixture_${serial}`,
    userAgent: 'Mozilla/5.0 (Macintosh) Chrome/131',
    ipAddress: '198.51.100.7',
    device: { browser: 'Chrome', os: 'macOS', type: 'desktop' },
    location: { city: 'Porto', country: 'Portugal' },
    deviceKey: 'desktop|Chrome|macOS',
    method: 'password',
    newDevice: false,
    identifier: null,
    reason: null,
    bySessionId: null,
    byUserId: null,
    ...overrides,
  };
}
