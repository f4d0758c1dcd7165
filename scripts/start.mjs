#!/usr/bin/env node
// `npm start`: build the kit, build the demo host app against it (by package name), then serve both with
// the reference server on one localhost port. `npm start -- --reset` starts from a fresh database.
import { spawnSync } from 'node:child_process';

const passThrough = process.argv.slice(2);
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
  'examples/server/main.ts',
  '--static',
  'examples/demo/dist',
  ...passThrough,
]);
