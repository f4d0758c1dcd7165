import { fromColumns, type SessionColumns } from '../sessionColumns.js';
import type { SessionStore } from '../types.js';
import type { SqlDriver } from './sqlDriver.js';

/**
 * The SQL store's host-session records (createHostSessions: express-session's, @fastify/session's data) by
 * the hash of the host's session id, for both engines; the store spreads these into its SessionStore.
 */
export function createSqlHostSessions(
  driver: SqlDriver,
  ready: () => Promise<void>,
): Required<
  Pick<SessionStore, 'readHostSession' | 'writeHostSession' | 'touchHostSession' | 'deleteHostSession'>
> {
  const hostSessions = driver.dialect.table('profilekit_host_sessions');
  const sessions = driver.dialect.table('profilekit_sessions');
  return {
    async readHostSession(tokenHash) {
      await ready();
      // One read: the record and the profilekit session sharing its hash (none when anonymous or ended).
      const [found] = await driver.query<
        SessionColumns & { profilekit_host_data: string; profilekit_host_expires_at: string | number }
      >(
        `SELECT host.data AS profilekit_host_data, host.expires_at AS profilekit_host_expires_at, s.*
       FROM ${hostSessions} AS host LEFT JOIN ${sessions} AS s ON s.token_hash = host.token_hash
       WHERE host.token_hash = $1`,
        [tokenHash],
      );
      if (!found) return null;
      return {
        data: found.profilekit_host_data,
        expiresAt: Number(found.profilekit_host_expires_at),
        session: found.id === null ? null : fromColumns(found),
      };
    },
    async writeHostSession(tokenHash, record) {
      await ready();
      await driver.run(
        `INSERT INTO ${hostSessions} (token_hash, data, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (token_hash) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
        [tokenHash, record.data, record.expiresAt],
      );
    },
    async touchHostSession(tokenHash, expiresAt) {
      await ready();
      await driver.run(`UPDATE ${hostSessions} SET expires_at = $2 WHERE token_hash = $1`, [
        tokenHash,
        expiresAt,
      ]);
    },
    async deleteHostSession(tokenHash) {
      await ready();
      await driver.run(`DELETE FROM ${hostSessions} WHERE token_hash = $1`, [tokenHash]);
    },
  };
}
