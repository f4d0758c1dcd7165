// Starts the reference server (and the built demo app, when given): `tsx examples/server/main.ts
// [--reset] [--port 8787] [--static examples/demo/dist]`. Data lives in .data/ at the repo root.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './createApp';
import { openDb } from './db';
import { DEMO_CREDENTIALS, seedDemo } from './seed';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const port = Number(flag('--port') ?? process.env.PORT ?? 8787);
const staticDir = flag('--static');
const dataDir = path.join(repoRoot, '.data');
const dbFile = path.join(dataDir, 'demo.sqlite');

if (args.includes('--reset')) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
}
mkdirSync(dataDir, { recursive: true });
const fresh = !existsSync(dbFile);
const db = openDb(dbFile);
if (fresh) await seedDemo(db, Date.now());

const { app } = createApp({ db, staticDir: staticDir ? path.resolve(repoRoot, staticDir) : undefined });
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  const url = `http://127.0.0.1:${info.port}/`;
  console.log(`\nprofilekit demo is running at ${url}`);
  console.log(`  user:  ${DEMO_CREDENTIALS.user.email} / ${DEMO_CREDENTIALS.user.password}`);
  console.log(`  admin: ${DEMO_CREDENTIALS.admin.email} / ${DEMO_CREDENTIALS.admin.password}`);
  console.log(
    `  data:  ${path.relative(repoRoot, dbFile)}${fresh ? ' (new, seeded)' : ''} — start fresh with --reset`,
  );
  console.log('Press Ctrl+C to stop.\n');
});

const stop = () => {
  server.close();
  db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
