#!/usr/bin/env node
// The one test command (`npm test`): every check CI runs, in order, failing fast. Each step prints its
// wall time; the last line sums the test counts as "N passed, N failed" for CI's reader.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const report = 'test-results/vitest.json';

const steps = [
  ['lint + format (biome)', bin('biome'), ['ci', '--colors=off', '.']],
  ['types (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['library build', 'npm', ['run', '--silent', 'build']],
  ['package lint (publint --strict)', bin('publint'), ['--strict']],
  ['package types (attw --pack)', bin('attw'), ['--pack', '.', '--profile', 'esm-only']],
  [
    'vitest (unit + types)',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  ],
];

rmSync(report, { force: true });
const timings = [];
for (const [title, command, args] of steps) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  timings.push([title, ((Date.now() - started) / 1000).toFixed(1)]);
  if (status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${status}).`);
    process.exit(status ?? 1);
  }
}

console.log('\nStep timings (s):');
for (const [title, seconds] of timings) console.log(`  ${seconds.padStart(6)}  ${title}`);
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\n${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
}
