import { NO_PASSWORD_ASKED, type Rule } from '../context.js';
import { describe, errorBodyProblem, errorCode, expectError, fail, shortPath } from '../expect.js';
import type { Exchange } from '../http.js';

// The reference server locks at 5 per 15 minutes; 20 leaves room for a laxer policy and stays bounded.
export const RATE_LIMIT_TRIES = 20;

/** Retry-After as the contract asks (seconds), or an HTTP date in the future (RFC 9110 allows both). */
function retryAfterOk(value: string | null): boolean {
  if (value === null) return false;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) > 0;
  return Date.parse(value) > Date.now();
}

/** Rules over what the run saw: they go last, so they cover every exchange before them. */
export const finalRules: Rule[] = [
  {
    name: 'rate-limit',
    needs: 'rateLimit',
    async run(ctx) {
      if (ctx.state.passwordRequired === false) return NO_PASSWORD_ASKED;
      // The admin's session is the only one still alive; revoke-others keeps it even on a broken server.
      const admin = ctx.admin ?? fail('not run: the rate-limit check needs the admin cookie');
      let last: Exchange | undefined;
      for (let i = 1; i <= RATE_LIMIT_TRIES; i++) {
        last = await ctx.client.post(admin, '/sessions/revoke-others', {
          body: { password: ctx.wrongPassword },
        });
        if (last.status === 422 && errorCode(last) === 'INVALID_PASSWORD') continue;
        expectError(last, 429, 'RATE_LIMITED', `wrong password #${i} (revoke-others as the admin)`);
        const retryAfter = last.headers.get('Retry-After');
        if (!retryAfterOk(retryAfter)) {
          fail(`expected Retry-After: <seconds> on the 429, got ${retryAfter ?? 'none'}`, last);
        }
        return { note: `429 after ${i - 1} wrong passwords, Retry-After: ${retryAfter}` };
      }
      fail(
        `${RATE_LIMIT_TRIES} wrong passwords in a row were all answered 422; expected 429 {"code":"RATE_LIMITED",…} with Retry-After`,
        last,
      );
    },
  },
  {
    name: 'no-token-anywhere',
    async run(ctx) {
      for (const exchange of ctx.client.exchanges) {
        const leaked = ctx.secrets.find((secret) => exchange.text.includes(secret.value));
        if (leaked) {
          const where = `${exchange.method} ${shortPath(exchange)}`;
          fail(
            `expected no token in any body, but ${leaked.label} is in the body of ${where}`,
            exchange,
            leaked.value,
          );
        }
      }
      return { note: `${ctx.client.exchanges.length} response bodies searched` };
    },
  },
  {
    name: 'errors-have-code',
    async run(ctx) {
      const errors = ctx.client.exchanges.filter((exchange) => exchange.status >= 400);
      for (const exchange of errors) {
        const problem = errorBodyProblem(exchange);
        if (problem) {
          fail(
            `expected every error as {"code","message"} with a contract code; ${exchange.method} ${shortPath(exchange)} ` +
              `answered ${describe(exchange)}: ${problem}`,
            exchange,
          );
        }
      }
      return { note: `${errors.length} error responses checked` };
    },
  },
  {
    name: 'no-5xx',
    async run(ctx) {
      const broken = ctx.client.exchanges.find((exchange) => exchange.status >= 500);
      if (broken)
        fail(
          `expected no 5xx for any input; ${broken.method} ${shortPath(broken)} answered ${describe(broken)}`,
          broken,
        );
      return undefined;
    },
  },
];
