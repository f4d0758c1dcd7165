import { NO_PASSWORD_ASKED, type Rule } from '../context.js';
import { describe, errorCode, expectError, fail, notRun } from '../expect.js';
import type { EventStream, Exchange } from '../http.js';
import { LIMITS } from '../words.js';
import { revokePath } from './guardRules.js';

// A session is locked after at most 10 wrong passwords in its window: one more try sees the 429.
export const RATE_LIMIT_TRIES = LIMITS.maxWrongPasswordsPerSession + 1;
// A session holds at most 32 open event streams.
export const MAX_STREAMS_PER_SESSION = LIMITS.maxStreamsPerSession;

/** Retry-After as the contract asks (seconds), or an HTTP date in the future (RFC 9110 allows both). */
function retryAfterOk(value: string | null): boolean {
  if (value === null) return false;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) > 0;
  return Date.parse(value) > Date.now();
}

/**
 * The password limit protects users from each other: it locks only C2's session (revoked later anyway),
 * which guesses until it is locked, and never C3, which guessed nothing.
 */
export const lockoutRules: Rule[] = [
  {
    name: 'rate-limit',
    section: 'passwords',
    async run(ctx) {
      if (ctx.state.passwordRequired === false) return NO_PASSWORD_ASKED;
      let last: Exchange | undefined;
      for (let i = 1; i <= RATE_LIMIT_TRIES; i++) {
        // An unknown id: a server that skips the password check revokes nothing.
        last = await ctx.client.post(ctx.c2, revokePath(ctx.randomId()), {
          body: { password: ctx.wrongPassword },
        });
        if (last.status === 422 && errorCode(last) === 'INVALID_PASSWORD') continue;
        expectError(last, 429, 'RATE_LIMITED', `wrong password #${i} from C2`);
        const retryAfter = last.headers.get('Retry-After');
        if (!retryAfterOk(retryAfter)) {
          fail(`expected Retry-After: <seconds> on the 429, got ${retryAfter ?? 'none'}`, last);
        }
        ctx.state.lockedC2 = true;
        return { note: `C2 locked after ${i - 1} wrong passwords, Retry-After: ${retryAfter}` };
      }
      fail(
        `${RATE_LIMIT_TRIES} wrong passwords in a row from one session were all answered 422; expected 429 {"code":"RATE_LIMITED",…} with Retry-After after at most ${RATE_LIMIT_TRIES - 1}`,
        last,
      );
    },
  },
  {
    name: 'lockout-per-session',
    section: 'passwords',
    async run(ctx) {
      if (ctx.state.passwordRequired === false) return NO_PASSWORD_ASKED;
      if (!ctx.state.lockedC2) notRun('rate-limit did not lock C2 (see rate-limit)');
      // C3 has sent no wrong password: C2's guesses (a thief's stolen session) must not stop it.
      const exchange = await ctx.client.post(ctx.c3, revokePath(ctx.randomId()), {
        body: { password: ctx.password },
      });
      if (exchange.status === 429) {
        // Every later password action of the test user would meet the same 429: say so once, here.
        for (const who of [ctx.c1, ctx.c2, ctx.c3, ctx.c4, ctx.c5, ctx.c6])
          if (who) ctx.state.locked.set(who.label, 'lockout-per-session');
        fail(
          "C2's wrong passwords locked C3 too (429 for the right password from a session that sent no wrong one): a stolen session could stop its owner from signing it out. Count wrong passwords per session",
          exchange,
        );
      }
      expectError(exchange, 404, 'NOT_FOUND', 'revoking an unknown id from C3 with the right password');
      return { note: 'C3 is not locked by C2' };
    },
  },
];

/** Streams are capped per session: C1 opens them until it is refused, then closes them all again. */
export const streamCapRule: Rule = {
  name: 'event-stream-cap',
  section: 'live-events',
  async run(ctx) {
    if (!ctx.state.streams || ctx.state.streams === 'absent') {
      return { note: 'skipped: the server offers no event stream', skipped: true };
    }
    const open: EventStream[] = [];
    try {
      for (let i = 1; i <= MAX_STREAMS_PER_SESSION + 1; i++) {
        const stream = await ctx.client.openStream(ctx.c1, '/sessions/events');
        open.push(stream);
        if (stream.exchange.status === 200) continue;
        expectError(stream.exchange, 429, 'RATE_LIMITED', `C1's event stream #${i}`);
        return { note: `C1's stream #${i} refused with 429` };
      }
      const last = open.at(-1)?.exchange;
      fail(
        `C1 opened ${MAX_STREAMS_PER_SESSION + 1} event streams at once${last ? `, the last ${describe(last)}` : ''}; expected 429 {"code":"RATE_LIMITED",…} past a cap of at most ${MAX_STREAMS_PER_SESSION} per session`,
        last,
      );
    } finally {
      for (const stream of open) stream.close();
    }
  },
};
