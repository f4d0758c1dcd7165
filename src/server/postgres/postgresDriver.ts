import { createHash } from 'node:crypto';
import type { SqlDialect, SqlDriver, SqlExecutor } from '../sql/sqlDriver.js';
import { StoreUnavailableError } from '../storeErrors.js';
import { quoteIdentifier } from './identifiers.js';
import type { PostgresPool, PostgresQueryable } from './postgresTypes.js';

// SQLSTATE classes and codes that mean the database cannot be reached or cannot take the work right now:
// 08 connection exceptions, 53 insufficient resources (too many connections, out of memory or disk),
// 57P01–57P05 the server shutting down, restarting or not accepting connections yet.
const UNAVAILABLE_STATES = /^(08|53|57P0[1-5])/;
// Node's socket errors, and the two failures node-postgres reports without a code: its pool timing out
// while waiting for a connection, and a connection the server closed.
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const NODE_POSTGRES_MESSAGES = new Set([
  'timeout exceeded when trying to connect',
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
]);

/** Whether an error from node-postgres means the database is away (503), not that a statement is wrong. */
export function isPostgresUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || SOCKET_ERRORS.has(code))) return true;
  return NODE_POSTGRES_MESSAGES.has(error.message);
}

async function guard<Result>(step: () => Promise<Result>): Promise<Result> {
  try {
    return await step();
  } catch (error) {
    if (isPostgresUnavailable(error)) {
      throw new StoreUnavailableError('The PostgreSQL database cannot be reached.', { cause: error });
    }
    throw error;
  }
}

// A named statement the connection does not have, or has under another text: the sign of a pooler that
// gives each transaction whichever server connection is free (PgBouncer in transaction mode, without its
// own prepared-statement support). Both come before the statement runs, so running it unnamed is safe.
const PREPARED_STATEMENT_LOST = new Set(['26000', '42P05']);

/**
 * A prepared text's name, from the text itself: the same text has the same name in every process and
 * version, and two texts never share one — a pooler handing this connection to another process (another
 * schema, another version mid-deploy) could otherwise bind a name this process thinks it prepared to the
 * other's statement.
 */
const preparedName = (sql: string) =>
  `profilekit_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`;

export function postgresDialect(schema: string): SqlDialect {
  const s = quoteIdentifier(schema, 'schema');
  return {
    name: 'postgres',
    schema: s,
    table: (name) => `${s}.${name}`,
    types: { bigint: 'bigint', boolean: 'boolean', text: 'text' },
    inJsonArray: (column, param) => `${column} IN (SELECT jsonb_array_elements_text(${param}::jsonb))`,
    forUpdate: 'FOR UPDATE',
  };
}

const executor = (db: PostgresQueryable): SqlExecutor => ({
  query: <Row>(sql: string, params: readonly unknown[] = []) =>
    guard(async () => (await db.query(sql, [...params])).rows as Row[]),
  run: (sql, params = []) => guard(async () => (await db.query(sql, [...params])).rowCount ?? 0),
});

/**
 * node-postgres (a `pg.Pool`, or any pool of its shape) as an SqlDriver, the store's tables in `schema`.
 * A transaction runs on one pooled connection; its `lock` is a transaction-scoped advisory lock, so the
 * instances sharing the database take turns on it.
 */
export function postgresDriver(pool: PostgresPool, schema = 'public'): SqlDriver {
  /** Until the pool shows it loses them (see PREPARED_STATEMENT_LOST), statements may be prepared. */
  let keepsPrepared = true;
  const prepared = (sql: string, params: readonly unknown[]) =>
    guard(async () => {
      if (keepsPrepared) {
        try {
          const named = await pool.query({ name: preparedName(sql), text: sql }, [...params]);
          return named.rows as Record<string, unknown>[];
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          if (typeof code !== 'string' || !PREPARED_STATEMENT_LOST.has(code)) throw error;
          keepsPrepared = false;
        }
      }
      return (await pool.query(sql, [...params])).rows as Record<string, unknown>[];
    });
  const driver: SqlDriver = {
    dialect: postgresDialect(schema),
    ...executor(pool),
    async batch(statements) {
      const [only, ...more] = statements;
      // One statement is atomic alone: one round trip, no BEGIN and COMMIT around it.
      if (only && more.length === 0) {
        return [
          only.prepare ? await prepared(only.sql, only.params) : await driver.query(only.sql, only.params),
        ];
      }
      return driver.transaction(async (tx) => {
        const rows: Record<string, unknown>[][] = [];
        for (const { sql, params } of statements) rows.push(await tx.query(sql, params));
        return rows;
      });
    },
    async transaction(work, lock) {
      const client = await guard(() => pool.connect());
      let broken: Error | undefined;
      try {
        const tx = executor(client);
        await tx.run('BEGIN');
        try {
          if (lock) await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lock]);
          const result = await work(tx);
          await tx.run('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          });
          throw error;
        }
      } finally {
        // A connection whose ROLLBACK failed is closed rather than handed back to the pool.
        client.release(broken);
      }
    },
  };
  return driver;
}
