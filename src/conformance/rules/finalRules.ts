import type { Rule } from '../context.js';
import { describe, errorBodyProblem, fail, shortPath } from '../expect.js';

/** Rules over what the run saw: they go last, so they cover every exchange before them. */
export const finalRules: Rule[] = [
  {
    name: 'no-token-anywhere',
    section: 'a-session',
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
    section: 'errors',
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
    section: 'errors',
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
