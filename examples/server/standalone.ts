// What every standalone demo host shares (examples/server/main.ts on Hono, examples/express-session/main.ts
// on Express): its command line, its SQLite file in .data/, the lines it prints, and how it stops.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { openDb } from './db';
import { DEMO_CREDENTIALS, seedDemo } from './seed';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const COMMON_OPTIONS = {
  port: { type: 'string', default: process.env.PORT ?? '8787' },
  static: { type: 'string' },
  reset: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/**
 * The host's command line: `--port` (checked), `--static` (resolved from the repo root), `--reset`, and
 * any options of the host's own.
 */
export function parseHostArgs<Extra extends NonNullable<ParseArgsConfig['options']> = Record<never, never>>(
  extra = {} as Extra,
) {
  const options = { ...COMMON_OPTIONS, ...extra } as typeof COMMON_OPTIONS & Extra;
  const { values } = parseArgs({ options });
  const common = values as { port: string; static?: string; reset: boolean };
  const port = Number(common.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port ${common.port} is not a port.`);
  const staticDir = common.static ? path.resolve(repoRoot, common.static) : undefined;
  return { args: values, port, staticDir, reset: common.reset };
}

/**
 * The host's SQLite file in .data/ at the repo root (git-ignored), removed first on `reset`, seeded with
 * the demo's users and sessions when new. Answers the database and where it is, for `announce`.
 */
export async function openDemoSqlite(fileName: string, { reset, now }: { reset: boolean; now: number }) {
  const dataDir = path.join(repoRoot, '.data');
  const dbFile = path.join(dataDir, fileName);
  if (reset) for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  mkdirSync(dataDir, { recursive: true });
  const fresh = !existsSync(dbFile);
  const db = openDb(dbFile);
  if (fresh) await seedDemo(db, now);
  const where = `${path.relative(repoRoot, dbFile)}${fresh ? ' (new, seeded)' : ''} — start fresh with --reset`;
  return { db, where };
}

/** The lines a started host prints: its URL, the demo accounts, where its data is. */
export function announce(title: string, port: number, where: string) {
  console.log(`\n${title} is running at http://127.0.0.1:${port}/`);
  console.log(`  user:  ${DEMO_CREDENTIALS.user.email} / ${DEMO_CREDENTIALS.user.password}`);
  console.log(`  admin: ${DEMO_CREDENTIALS.admin.email} / ${DEMO_CREDENTIALS.admin.password}`);
  console.log(`  data:  ${where}`);
  console.log('Press Ctrl+C to stop.\n');
}

/** On Ctrl+C or SIGTERM: `close`, then exit. */
export function stopOnSignals(close: () => Promise<void> | void) {
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
