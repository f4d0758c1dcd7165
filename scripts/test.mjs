#!/usr/bin/env node
// The one test command (`npm test`): every check CI runs, in order, failing fast. Each step prints its
// wall time; the end prints each suite's count and a final "N passed, N failed" line for CI's reader.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';

const bin = (name) => `node_modules/.bin/${name}`;
const report = 'test-results/vitest.json';
const react18Report = 'test-results/react18.json';
const nextReport = 'test-results/next.json';

const steps = [
  ['lint + format (biome)', bin('biome'), ['ci', '--colors=off', '.']],
  ['types (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['public API of every entry point (api/*.api.md)', 'node', ['scripts/api-report.mjs', '--check']],
  ['no import cycles, no skipped layers (esbuild metafile)', 'node', ['scripts/check-imports.mjs']],
  ['library build', 'npm', ['run', '--silent', 'build']],
  [
    'demo app build (imports profilekit by name)',
    bin('vite'),
    ['build', '--logLevel', 'error', '-c', 'examples/demo/vite.config.ts'],
  ],
  ['size budget (size-limit; see .size-limit.json)', bin('size-limit'), []],
  ['package lint (publint --strict)', bin('publint'), ['--strict']],
  [
    'package types (attw --pack)',
    bin('attw'),
    ['--pack', '.', '--profile', 'esm-only', '--exclude-entrypoints', './styles.css'],
  ],
  ['chromium for the browser suites', 'node', ['scripts/ensure-chromium.mjs']],
  [
    // Inside a throwaway PostgreSQL 15 cluster (started, then stopped and removed even on failure), so the
    // postgres project runs against a real server beside the rest.
    'vitest: unit, types, package, integration, postgres, e2e, browser, storybook',
    'node',
    [
      'scripts/with-postgres.mjs',
      bin('vitest'),
      'run',
      '--project',
      '!next',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
  ],
  [
    // Its own step, on a quiet machine: the test builds examples/next (next build), serves it (next start)
    // and drives it in chromium; then fresh Next.js and Express hosts from the docs and the packed package.
    'Next.js example and the consumer hosts (packed package, docs code), in chromium',
    bin('vitest'),
    ['run', '--project', 'next', '--reporter=default', '--reporter=json', `--outputFile.json=${nextReport}`],
  ],
  ['react 18 for the second unit run', 'node', ['scripts/ensure-react18.mjs']],
  [
    'vitest: the unit suite again, against React 18',
    bin('vitest'),
    [
      'run',
      '--project',
      'unit (react 18)',
      '--reporter=dot',
      '--reporter=json',
      `--outputFile.json=${react18Report}`,
    ],
    { PROFILEKIT_REACT18: '1' },
  ],
];

rmSync(report, { force: true });
rmSync(react18Report, { force: true });
rmSync(nextReport, { force: true });
const timings = [];
for (const [title, command, args, env = {}] of steps) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push([title, ((Date.now() - started) / 1000).toFixed(1)]);
  if (status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${status}).`);
    process.exit(status ?? 1);
  }
}

console.log('\nStep timings (s):');
for (const [title, seconds] of timings) console.log(`  ${seconds.padStart(6)}  ${title}`);

// Suites by where their files live (each Vitest project owns one folder).
const suiteOf = (file) => {
  const path = relative(process.cwd(), file);
  if (path.startsWith('stories/')) return 'storybook (every story in Chromium, axe included)';
  if (path.endsWith('.test-d.ts') || path.endsWith('.test-d.tsx')) return 'types';
  return path.split('/').slice(0, 2).join('/');
};
const suites = new Map();
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const [file, suffix] of [
  [report, ''],
  [nextReport, ''],
  [react18Report, ' (react 18)'],
]) {
  if (!existsSync(file)) continue;
  const results = JSON.parse(readFileSync(file, 'utf8'));
  for (const testFile of results.testResults) {
    const suite = `${suiteOf(testFile.name)}${suffix}`;
    const counts = suites.get(suite) ?? { passed: 0, failed: 0 };
    for (const test of testFile.assertionResults) {
      if (test.status === 'passed') counts.passed += 1;
      else if (test.status === 'failed') counts.failed += 1;
    }
    suites.set(suite, counts);
  }
  totals.passed += results.numPassedTests;
  totals.failed += results.numFailedTests;
  totals.skipped += results.numPendingTests;
}
console.log('\nSuites:');
for (const [suite, { passed, failed }] of [...suites].sort()) {
  console.log(`  ${String(passed).padStart(5)} passed  ${String(failed).padStart(3)} failed  ${suite}`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
