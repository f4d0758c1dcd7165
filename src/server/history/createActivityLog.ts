import { SESSION_ENDING_KINDS } from '../../contract/activity.js';
import { startOfServerDay } from '../../contract/params.js';
import type { ActivityQuery, SessionStore, StoredActivity, StoredSession } from '../types.js';
import { DEFAULT_HISTORY_RETENTION_MS, deviceKeyOf, signedInEntry } from './entries.js';
import { createNotMeTokens, DEFAULT_NOT_ME_LINK_LIFETIME_MS } from './notMeLink.js';

/** A sign-in from a device the user had not signed in from within the log's retention window. */
export interface NewDeviceAlert {
  userId: string;
  /** The new session as stored, without its token hash (nothing a mailer needs, nothing to leak). */
  session: Omit<StoredSession, 'tokenHash' | 'tokenPreview'>;
  /**
   * Opens without a sign-in, ends this session once and lands on `notMe.landingUrl` (null when the
   * manager has no `notMe` options). Put it in the mail; never log it.
   */
  notMeUrl: string | null;
}

/** The "this wasn't me" link a new-device alert carries. */
export interface NotMeLinkOptions {
  /** At least 32 characters, kept secret (an environment variable): it signs the links. */
  secret: string;
  /** Where the handler's `GET /sessions/not-me` is reached from a mail, absolute: 'https://app.example.com/api/sessions/not-me'. */
  url: string;
  /** The host page the link lands on, with `?result=reported|already-reported|expired|invalid`. */
  landingUrl: string;
  /** @default 7 days */
  lifetimeMs?: number;
}

/** The authentication log (docs/server.md, "History"). */
export interface HistoryOptions {
  /** How long entries are kept; housekeeping (`pruneExpired`) removes older ones. @default 90 days */
  retentionMs?: number;
  /** "The same device" also means the same country (from `resolveLocation`). @default false */
  newDeviceByCountry?: boolean;
  /**
   * Told of a sign-in from a new device, after the sign-in answered (a slow mailer never slows it). Not
   * called for a user's first sign-in within the window (a new account, or history just switched on).
   */
  onNewDevice?: (alert: NewDeviceAlert) => void | Promise<void>;
  notMe?: NotMeLinkOptions;
  /** Told when `onNewDevice` throws or rejects. @default console.error */
  onError?: (error: unknown) => void;
}

/** What opening a not-me link came to. */
export type NotMeResult = 'reported' | 'already-reported' | 'expired' | 'invalid';

/** A log entry as the manager answers it: a sign-in also says whether its session is still active. */
export interface ActivityRecord extends StoredActivity {
  /** For `signed-in` entries: active, or when and how it ended; null for other kinds. */
  session: { active: boolean; endedAt: number | null; endedBy: StoredActivity['kind'] | null } | null;
}

/** `url` with one more query parameter. */
const withParam = (url: string, name: string, value: string) =>
  `${url}${url.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`;

/**
 * The manager's authentication log: its options checked once, the sign-in's entry (the store decides
 * whether it is from a new device), the alert and its link, how a sign-in's session stands, the chart's
 * days and retention. The manager calls it from its own steps (sign-in, revokes, housekeeping); with
 * `history: false` it records and answers nothing.
 */
export function createActivityLog(options: {
  store: SessionStore;
  history: HistoryOptions | false | undefined;
  /** A session's absolute lifetime: the log must keep its sign-in at least that long. */
  absoluteLifetimeMs: number;
  now: () => number;
}) {
  const { store, now } = options;
  const history = options.history === false ? null : (options.history ?? {});
  const retentionMs = history?.retentionMs ?? DEFAULT_HISTORY_RETENTION_MS;
  const notMe = history?.notMe;
  const linkLifetimeMs = notMe?.lifetimeMs ?? DEFAULT_NOT_ME_LINK_LIFETIME_MS;
  // The log must outlive a not-me link (redeeming one reads the sign-in's entry) and a session.
  const shortestRetentionMs = Math.max(linkLifetimeMs, options.absoluteLifetimeMs);
  if (!Number.isSafeInteger(retentionMs) || retentionMs < shortestRetentionMs) {
    throw new TypeError(
      `createSessionManager: history.retentionMs must be a whole number of ms, at least ${shortestRetentionMs} (the not-me link's and a session's lifetime).`,
    );
  }
  const notMeTokens = notMe ? createNotMeTokens(notMe.secret) : null;
  if (notMe) {
    for (const name of ['url', 'landingUrl'] as const) {
      if (!/^https?:\/\/[^/]/i.test(String(notMe[name]))) {
        throw new TypeError(
          `createSessionManager: history.notMe.${name} must be an absolute http(s) URL (a mail's link has no page to be relative to).`,
        );
      }
    }
  }
  const reportError =
    history?.onError ?? ((error: unknown) => console.error('profilekit: onNewDevice failed', error));

  /** How each `signed-in` entry's session stands: its first ending entry, else its row. */
  async function withSessionState(entries: StoredActivity[]): Promise<ActivityRecord[]> {
    const sessionIds = [
      ...new Set(
        entries.flatMap((e) => (e.kind === 'signed-in' && e.sessionId !== null ? [e.sessionId] : [])),
      ),
    ];
    const endings = new Map<string, StoredActivity>();
    if (sessionIds.length > 0) {
      // A session ends once and may be reported once more: two entries each at most.
      const found = await store.listActivity({
        sessionIds,
        kinds: SESSION_ENDING_KINDS,
        limit: sessionIds.length * 2,
      });
      for (const entry of found.reverse())
        if (!endings.has(entry.sessionId as string)) endings.set(entry.sessionId as string, entry);
    }
    // The rest stand as their rows do: one read of them all where the store offers it.
    const unended = sessionIds.filter((sessionId) => !endings.has(sessionId));
    const rows = new Map(
      (store.findByIds && unended.length > 0
        ? await store.findByIds(unended)
        : (await Promise.all(unended.map((sessionId) => store.findById(sessionId)))).filter(
            (row): row is StoredSession => row !== null,
          )
      ).map((row) => [row.id, row]),
    );
    const at = now();
    const states = new Map<string, ActivityRecord['session']>();
    for (const sessionId of sessionIds) {
      const ending = endings.get(sessionId);
      if (ending) {
        states.set(sessionId, { active: false, endedAt: ending.at, endedBy: ending.kind });
        continue;
      }
      const row = rows.get(sessionId);
      if (row && row.expiresAt > at) states.set(sessionId, { active: true, endedAt: null, endedBy: null });
      else
        states.set(sessionId, {
          active: false,
          endedAt: row?.expiresAt ?? null,
          endedBy: row ? 'expired' : null,
        });
    }
    return entries.map((entry) => ({
      ...entry,
      session:
        entry.kind === 'signed-in' && entry.sessionId !== null ? (states.get(entry.sessionId) ?? null) : null,
    }));
  }

  return {
    keepsHistory: history !== null,
    /** 0 when history is off. */
    retentionMs: history ? retentionMs : 0,

    /** Appends to the log when history is on; answers how many entries were new. */
    record: async (entries: readonly StoredActivity[]) => (history ? store.appendActivity(entries) : 0),

    /**
     * Stores a new session, with its sign-in's entry when history is on; the store decides in that same
     * step whether the sign-in is from a new device within the retention window (the rule is the store's:
     * SessionStore.createSession). Answers that decision (false with history off).
     */
    async storeSignIn(session: StoredSession, method: string) {
      if (!history) {
        await store.createSession(session);
        return false;
      }
      const deviceKey = deviceKeyOf(session.device, session.location, history.newDeviceByCountry ?? false);
      const signIn = signedInEntry(session, { method, deviceKey });
      const since = session.createdAt - retentionMs;
      // A store written before the store decided new devices answers nothing: no alert, never a failure.
      const stored = await store.createSession(session, [signIn], { newDeviceSince: since });
      return stored?.newDevice ?? false;
    },

    /** Tells the host of a new device, with the link; a failure goes to `history.onError`, never further. */
    async alertNewDevice(session: StoredSession) {
      try {
        const notMeUrl =
          notMe && notMeTokens
            ? withParam(notMe.url, 'token', await notMeTokens.sign(session.id, now() + linkLifetimeMs))
            : null;
        const { tokenHash: _hash, tokenPreview: _preview, ...described } = session;
        await history?.onNewDevice?.({ userId: session.userId, session: described, notMeUrl });
      } catch (error) {
        reportError(error);
      }
    },

    /** The log, newest first; sign-ins say how their session stands. Empty with history off. */
    list: async (query: ActivityQuery) => (history ? withSessionState(await store.listActivity(query)) : []),

    /** The session and user a not-me token names, or why it names none. */
    async readNotMeToken(
      token: string,
    ): Promise<
      { ok: true; userId: string; sessionId: string } | { ok: false; reason: 'invalid' | 'expired' }
    > {
      if (!notMeTokens) return { ok: false, reason: 'invalid' };
      const read = await notMeTokens.read(token, now());
      if (!read.ok) return read;
      const [signIn] = await store.listActivity({
        sessionIds: [read.sessionId],
        kinds: ['signed-in'],
        limit: 1,
      });
      return signIn?.userId
        ? { ok: true, userId: signIn.userId, sessionId: read.sessionId }
        : { ok: false, reason: 'invalid' };
    },

    notMeLandingUrl: (result: NotMeResult) => (notMe ? withParam(notMe.landingUrl, 'result', result) : null),

    /** Sign-ins and failed sign-ins per day of the server's calendar, the last `days`, today last. */
    async countSignInsByDay(days: number) {
      const at = now();
      // Local midnights, counted back by the calendar (a day with a daylight-saving change is 23 or 25 h).
      const starts: number[] = [];
      for (let back = days - 1; back >= 0; back -= 1) {
        const day = new Date(startOfServerDay(at));
        day.setDate(day.getDate() - back);
        starts.push(day.getTime());
      }
      const counts = history
        ? await store.countActivity({ kinds: ['signed-in', 'sign-in-failed'], starts, end: at + 1 })
        : {};
      return starts.map((start, i) => ({
        start,
        signedIn: counts['signed-in']?.[i] ?? 0,
        failedSignIns: counts['sign-in-failed']?.[i] ?? 0,
      }));
    },

    /** Retention: removes entries older than the window, as of `at`. */
    async prune(at: number) {
      if (history) await store.pruneActivity(at - retentionMs);
    },
  };
}
