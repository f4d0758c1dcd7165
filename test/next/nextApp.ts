import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../../examples/server/db.js';
import { seedDemo } from '../../examples/server/seed.js';
import { serveApp } from './serveApp.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The app's own Next.js (its node_modules'): a Next.js from elsewhere would load a second React.
const nextOf = (cwd: string) => path.join(cwd, 'node_modules/.bin/next');
const exampleDir = path.join(repoRoot, 'examples/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

/** `next build` of the app in `appDir` (run from `cwd`). Answers the seconds it took. */
export function nextBuild(appDir: string, cwd: string): number {
  const started = Date.now();
  const result = spawnSync(nextOf(cwd), ['build', appDir], { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`next build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return (Date.now() - started) / 1000;
}

/**
 * `next build` of examples/next against the built dist/ (`npm run build` first). Answers the seconds it
 * took. PROFILEKIT_NEXT_INJECT_MISMATCH=1 in the environment builds the deliberately broken variant.
 */
export const buildNextApp = () => nextBuild(exampleDir, repoRoot);

/**
 * `next start` of the built example on a free loopback port, over a throwaway SQLite file seeded like the
 * Vite demo (`extraUsers` more users for the admin console to page through). The server runs in UTC, so a
 * browser in another zone shows whether the page depends on the server's zone.
 */
export async function startNextApp({ extraUsers = 300 }: { extraUsers?: number } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'profilekit-next-'));
  const dbFile = path.join(dir, 'next.sqlite');
  const db = openDb(dbFile);
  await seedDemo(db, Date.now(), extraUsers);
  db.close();

  const served = await nextStart({
    appDir: exampleDir,
    cwd: repoRoot,
    env: { TZ: 'UTC', PROFILEKIT_NEXT_DB: dbFile },
  });
  return {
    ...served,
    async close() {
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `next start` of a built app on a free loopback port; ready once `GET /api/csrf` answers 204. */
export async function nextStart({
  appDir,
  cwd,
  env: extraEnv = {},
}: {
  appDir: string;
  cwd: string;
  env?: Record<string, string>;
}) {
  return serveApp('next start', (port) => ({
    file: nextOf(cwd),
    args: ['start', appDir, '-p', String(port), '-H', '127.0.0.1'],
    cwd,
    env: { ...env, ...extraEnv },
  }));
}

export type NextApp = Awaited<ReturnType<typeof startNextApp>>;
