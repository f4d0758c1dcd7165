#!/usr/bin/env node
// `npm start`: build the kit, build the demo host app against it (by package name), then serve both with
// the reference server on one localhost port. `npm start -- --reset` starts from a fresh database.
// `npm run start:express` (`--host=express`) serves the same app from the Express + express-session host
// (examples/express-session) instead, with its own database.
import { spawnSync } from 'node:child_process';

const SERVERS = { hono: 'examples/server/main.ts', express: 'examples/express-session/main.ts' };
const hostArg = process.argv.slice(2).find((arg) => arg.startsWith('--host='));
const host = hostArg?.slice('--host='.length) ?? 'hono';
if (!Object.hasOwn(SERVERS, host)) {
  console.error(`--host=${host}: one of ${Object.keys(SERVERS).join(', ')}`);
  process.exit(2);
}
const passThrough = process.argv.slice(2).filter((arg) => arg !== hostArg);
const run = (title, command, args) => {
  console.log(`▶ ${title}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

run('building profilekit', 'npm', ['run', '--silent', 'build']);
run('building the demo app', 'node_modules/.bin/vite', [
  'build',
  '--logLevel',
  'warn',
  '-c',
  'examples/demo/vite.config.ts',
]);
run('starting the server', 'node_modules/.bin/tsx', [
  SERVERS[host],
  '--static',
  'examples/demo/dist',
  ...passThrough,
]);
