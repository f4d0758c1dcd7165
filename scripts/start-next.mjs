#!/usr/bin/env node
// `npm run start:next`: build the kit, build the Next.js example against it (by package name), then serve
// it with `next start` on a free localhost port (`-- --port N` picks one), the data in .data/next.sqlite,
// seeded like the Vite demo the first time. `-- --reset` starts from a fresh database.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const next = path.join(repoRoot, 'node_modules/.bin/next');
const run = (title, command, commandArgs) => {
  console.log(`▶ ${title}`);
  const { status } = spawnSync(command, commandArgs, { stdio: 'inherit', cwd: repoRoot, env });
  if (status !== 0) process.exit(status ?? 1);
};

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

run('building profilekit', 'npm', ['run', '--silent', 'build']);
run('building the Next.js example', next, ['build', 'examples/next']);

const dataDir = path.join(repoRoot, '.data');
const dbFile = path.join(dataDir, 'next.sqlite');
if (args.includes('--reset')) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
}
mkdirSync(dataDir, { recursive: true });

const port = Number(flag('--port') ?? process.env.PORT ?? (await freePort()));
console.log('▶ starting next start');
const server = spawn(next, ['start', 'examples/next', '-p', String(port), '-H', '127.0.0.1'], {
  cwd: repoRoot,
  env: { ...env, PROFILEKIT_NEXT_DB: dbFile },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));

// The first request opens the database (and seeds it when new): wait for it before saying where to go.
const url = `http://127.0.0.1:${port}`;
for (let tries = 0; ; tries++) {
  const up = await fetch(`${url}/api/csrf`).then(
    (response) => response.ok,
    () => false,
  );
  if (up) break;
  if (tries > 600) {
    console.error(`next start did not answer on ${url} within a minute.`);
    stop();
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const { DEMO_CREDENTIALS } = await tsImport('../examples/server/seed.ts', import.meta.url);
console.log(`\nprofilekit on Next.js is running at ${url}/`);
console.log(`  user:  ${DEMO_CREDENTIALS.user.email} / ${DEMO_CREDENTIALS.user.password}`);
console.log(`  admin: ${DEMO_CREDENTIALS.admin.email} / ${DEMO_CREDENTIALS.admin.password}`);
console.log(`  data:  ${path.relative(repoRoot, dbFile)} — start fresh with --reset`);
console.log('Press Ctrl+C to stop.\n');
