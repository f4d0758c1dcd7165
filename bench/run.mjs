#!/usr/bin/env node
// `npm run bench`: builds the kit, measures what it costs a host app and how fast it renders and serves,
// and rewrites bench/RESULTS.md. Needs Debian's chromium (the test command installs it).
// `npm run bench -- --only history` runs one section alone and rewrites only that section (see below).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adapterImports, imports, measure } from './bundleCost.mjs';
import { historyBench, historySection, spliceSection } from './historyReport.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (name) => path.join(root, 'bench/.out', name);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

// `--report-only` rewrites RESULTS.md from the figures already in bench/.out, measuring nothing.
const reportOnly = process.argv.includes('--report-only');

function run(title, command, args) {
  if (reportOnly) return;
  console.log(`\n▶ ${title}`);
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`✖ ${title} failed (exit ${status}).`);
    process.exit(status ?? 1);
  }
}

// `--only history` runs that section's bench alone and rewrites only its section of the RESULTS.md there
// is (the other sections keep their figures and text); with --report-only, from bench/.out as it is.
const onlyAt = process.argv.indexOf('--only');
if (onlyAt !== -1) {
  const only = process.argv[onlyAt + 1];
  if (only !== 'history') {
    console.error(`--only: "${only ?? ''}" is not a section that runs alone (one does: history).`);
    process.exit(2);
  }
  run(historyBench.title, historyBench.command, historyBench.args);
  const results = path.join(root, 'bench/RESULTS.md');
  const section = historySection(readJson(out('history-cost.json')));
  writeFileSync(results, spliceSection(readFileSync(results, 'utf8'), section));
  console.log('\nWrote the authentication log section of bench/RESULTS.md');
  process.exit(0);
}

if (!reportOnly) rmSync(path.join(root, 'bench/.out'), { recursive: true, force: true });
run('library build', 'npm', ['run', '--silent', 'build']);
run('chromium', 'node', ['scripts/ensure-chromium.mjs']);
console.log('\n▶ bundle cost (esbuild, minified, gzip -9, brotli -11)');
const bundles = {};
for (const [name, contents] of Object.entries(imports)) {
  bundles[name] = { all: await measure(contents), own: await measure(contents, { ownOnly: true }) };
}
const perAdapter = {};
for (const [name, contents] of Object.entries(adapterImports)) {
  // The parser stays out of the adapters' figure: it is its own chunk, fetched only when needed.
  perAdapter[name] = await measure(contents, { external: name.startsWith('the parser') ? [] : ['bowser'] });
}
run('render and admin scale in headless Chromium', 'node_modules/.bin/vitest', [
  'run',
  '-c',
  'bench/vitest.bench.config.ts',
]);
run('reference server admin latency at 100,000 sessions', 'node_modules/.bin/tsx', [
  'bench/serverLatency.ts',
]);
run('several instances over PostgreSQL: events across instances, 1,000,000 sessions', 'node', [
  'scripts/with-postgres.mjs',
  'node_modules/.bin/tsx',
  'bench/multiInstance.ts',
]);
run(
  'profilekit/server beside Better Auth at 100,000 sessions (SQLite, in process)',
  'node_modules/.bin/tsx',
  ['bench/serverSessions.ts'],
);
run(historyBench.title, historyBench.command, historyBench.args);

const mount = readJson(out('render-mount.json'));
const revoke = readJson(out('render-revoke.json'));
const admin = readJson(out('admin-scale.json'));
const server = readJson(out('server-latency.json'));
const sessionsBench = readJson(out('server-sessions.json'));
const multi = readJson(out('multi-instance.json'));
const floors = readJson(out('render-floors.json'));
const rowCost = readJson(out('row-cost.json'));
// The same bench before this stop's render work (issue 15), kept to show what each change bought.
const floorsBefore = readJson(path.join(root, 'bench/floors-baseline.json'));
const baseline = readJson(path.join(root, 'bench/baseline.json'));
const pkg = readJson(path.join(root, 'package.json'));
const version = (name) => readJson(path.join(root, 'node_modules', name, 'package.json')).version;
const chromium = spawnSync('chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'unknown';

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const ratio = (value) => value.toFixed(2);
const row = (...cells) => `| ${cells.join(' | ')} |`;

const lines = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString()}. Do not edit by hand:`,
  'the next run rewrites this file. The "before" column is bench/baseline.json, recorded before the fixes.',
  '',
  `- Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`,
  `- Versions: profilekit ${pkg.version}, Node ${process.version}, ${chromium}, react ${version('react')}, @tanstack/react-query ${version('@tanstack/react-query')}, esbuild ${version('esbuild')}, vitest ${version('vitest')}`,
  '- Command: `npm run bench`',
  '',
  '## 1. Bundle cost',
  '',
  'What `import { SessionsProvider, SessionList, RevokeAllButton } from "profilekit"` adds to a host app:',
  'bundled and minified by esbuild, react, react-dom and @tanstack/react-query left to the host.',
  '"Own code" leaves every dependency out too. Targets: own ≤ 8 kB gzip, all ≤ 25 kB gzip.',
  '',
  row('Import', 'Minified', 'Gzip', 'Brotli', 'Gzip before'),
  row('---', '---:', '---:', '---:', '---:'),
];
for (const [name, label] of [
  ['user', 'user-facing, everything'],
  ['user', 'user-facing, own code'],
  ['admin', 'admin, everything'],
  ['admin', 'admin, own code'],
]) {
  const part = label.endsWith('own code') ? 'own' : 'all';
  const m = bundles[name][part];
  const before = baseline.bundle[`${name}.${part}.gzip`];
  lines.push(row(label, kB(m.minified), kB(m.gzip), kB(m.brotli), before ? kB(before) : '–'));
}
lines.push(
  '',
  'Per adapter, what a host pays (everything but react, react-dom, react-query; the user-agent parser is',
  'loaded only when a row arrives without `device`, which profilekit/server always sends):',
  '',
  row('Import', 'Minified', 'Gzip', 'Brotli'),
  row('---', '---:', '---:', '---:'),
  ...Object.entries(perAdapter).map(([name, m]) => row(name, kB(m.minified), kB(m.gzip), kB(m.brotli))),
);
lines.push('', 'Top contributors to the user-facing bundle (minified bytes in the output):', '');
lines.push(row('Package', 'Minified'), row('---', '---:'));
for (const [name, bytes] of bundles.user.all.top) lines.push(row(name, kB(bytes)));

lines.push(
  '',
  '## 2. Render in headless Chromium (production React)',
  '',
  `SessionList mounting N sessions against a hand-written list with the same markup, attribute for attribute (the floor; the bench asserts the HTML is identical), ${mount.mount100.runs} runs after a warm-up, kit and floor alternating; the times are medians and the ratio is the median of each run's kit ÷ floor. Target ratio ≤ 1.25. (The ratios before were taken against a floor with fewer attributes: see bench/baseline.json.)`,
  '',
  row('Measure', 'Kit', 'Floor', 'Ratio', 'Ratio before'),
  row('---', '---:', '---:', '---:', '---:'),
  ...[100, 1000].map((count) => {
    const { kitMs, floorMs, ratio: now } = mount[`mount${count}`];
    const before = baseline.render[`mount${count}Ratio`];
    return row(
      `mount ${count.toLocaleString('en')} sessions`,
      ms(kitMs),
      ms(floorMs),
      ratio(now),
      ratio(before),
    );
  }),
  '',
  `### Against two floors, ${floors.rows.toLocaleString('en')} identical "Chrome on macOS" rows (bench/browser/floors.bench.test.tsx)`,
  '',
  `The plain floor is the list a developer writes by hand (${floors.nodesPerRow.plain} nodes a row); the identical floor copies the kit's`,
  `markup (the bench fails if they drift apart). Medians of ${floors.runs} alternating runs; nodes are ${floors.nodeRule}.`,
  `Goals (issue 15): warm mount and cold first frame ≤ 1.5× the plain floor, revoke to frame ≤ 1.2×, ≤ 9 nodes`,
  'a row, one commit per mount.',
  '',
  row(
    'Figure',
    'Kit',
    'Plain floor',
    'Identical floor',
    'Kit ÷ plain',
    'Kit ÷ identical',
    'Kit before',
    '÷ plain before',
  ),
  row('---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'),
  ...[
    ['warm mount to commit', 'warmMountToCommit'],
    ['cold mount to first frame', 'coldMountToFirstFrame'],
    ['revoke: click to the frame without the row', 'revokeToFrame'],
    ['JS heap at 1,000 rows (MB)', 'heapMB'],
  ].map(([label, key]) => {
    const f = floors[key];
    const b = floorsBefore[key];
    const v = (x) => (f.unit === 'ms' ? ms(x) : x.toFixed(1));
    return row(
      label,
      v(f.kit),
      v(f.plain),
      v(f.identical),
      ratio(f.kitOverPlain),
      ratio(f.kitOverIdentical),
      v(b.kit),
      ratio(b.kitOverPlain),
    );
  }),
  row(
    'DOM nodes per row',
    floors.nodesPerRow.kit,
    floors.nodesPerRow.plain,
    floors.nodesPerRow.identical,
    '–',
    '–',
    floorsBefore.nodesPerRow.kit,
    '–',
  ),
  row(
    'commits per warm mount (counted until quiet)',
    floors.extra?.commitsUntilQuiet?.warm?.kit ?? floors.commitsPerMount.warm.kit,
    floors.commitsPerMount.warm.plain,
    floors.commitsPerMount.warm.identical,
    '–',
    '–',
    floorsBefore.extra?.commitsUntilQuiet?.warm?.kit ?? floorsBefore.commitsPerMount.warm.kit,
    '–',
  ),
  '',
  `### Where a row's time goes: ${rowCost.rows.toLocaleString('en')} cached rows, parts replaced through \`components\` (bench/browser/rowCost.bench.test.tsx)`,
  '',
  `${rowCost.method}; ${rowCost.runs} runs. The measured cause of the mount figures above: the list,`,
  "provider and query are the last line; the rest is per row — SessionRow's own work and the registry's",
  'per-row parts, each a component with its own hooks and subscriptions so that each can be replaced.',
  '',
  row('Variant', 'Render + commit', 'Share of the kit'),
  row('---', '---:', '---:'),
  ...Object.values(rowCost.variants).map((v) =>
    row(v.description, ms(v.medianMs), `${Math.round((100 * v.medianMs) / rowCost.variants.kit.medianMs)} %`),
  ),
  '',
  `Revoke one row of ${revoke.rows} (React Profiler on every row):`,
  '',
  row('Measure', 'Now', 'Before', 'Target'),
  row('---', '---:', '---:', '---:'),
  row('other rows rendered again', revoke.otherRowRenders, baseline.render.otherRowRenders, '0'),
  row('frames until the row is gone', revoke.framesUntilGone, baseline.render.framesUntilGone, '1'),
  '',
  'The other rows rendered again are counted until the revoke and the refetch after it settled; the one',
  'left is the current device, whose last activity the server moved forward on that refetch (new data).',
  '',
  `## 3. Admin table over ${admin.sessions.toLocaleString('en')} sessions (memory backend, headless Chromium)`,
  '',
  `Time to first rows: from render until the first session row is on screen (median of ${admin.runs}). Then two`,
  `scripted scrolls one after the other, loading pages of ${admin.pageSize} as they go: a fast steady scroll of one`,
  `screen (${admin.steady.pxPerFrame} px) per frame for ${admin.steady.frames} frames, then jumps of ten screens`,
  `(${admin.jumps.pxPerFrame} px) per frame to the last row (${admin.jumps.frames} frames), where every frame paints only new rows.`,
  '',
  row('Measure', 'Now', 'Before', 'Target'),
  row('---', '---:', '---:', '---:'),
  row('time to first rows', ms(admin.firstRowsMs), ms(baseline.admin.firstRowsMs), '–'),
  row('steady scroll: frame time p50', ms(admin.steady.p50Ms), '–', '–'),
  row('steady scroll: frame time p95', ms(admin.steady.p95Ms), '–', '≤ 16.7 ms'),
  row('steady scroll: frame time max', ms(admin.steady.maxMs), '–', '–'),
  row('jumps to the end: frame time p50', ms(admin.jumps.p50Ms), ms(baseline.admin.p50Ms), '–'),
  row('jumps to the end: frame time p95', ms(admin.jumps.p95Ms), ms(baseline.admin.p95Ms), '≤ 16.7 ms'),
  row('jumps to the end: frame time max', ms(admin.jumps.maxMs), ms(baseline.admin.maxMs), '–'),
  '',
  'Frame times are the intervals between animation frames; headless Chromium paces them at 60 Hz, so',
  '16.7 ms is a frame on time and 33.3 ms one frame missed.',
  '',
  `## 4. Reference server admin latency at ${server.sessions.toLocaleString('en')} sessions (SQLite, over HTTP)`,
  '',
  `${server.users.toLocaleString('en')} users; seeding took ${(server.seedMs / 1000).toFixed(1)} s. Each request ${server.results[0]?.runs} times after 5 warm-ups, on loopback.`,
  '',
  row('Request', 'Median', 'p95', 'Median before'),
  row('---', '---:', '---:', '---:'),
  ...server.results.map((r) =>
    row(r.name, ms(r.medianMs), ms(r.p95Ms), r.name in baseline.server ? ms(baseline.server[r.name]) : '–'),
  ),
  '',
  `## 5. profilekit/server beside Better Auth ${sessionsBench.betterAuth} (in process, SQLite, ${sessionsBench.sessions.toLocaleString('en')} sessions)`,
  '',
  `The same ${sessionsBench.sessions.toLocaleString('en')} sessions over ${sessionsBench.users.toLocaleString('en')} users in each system's own SQLite file, the same random users`,
  'timed in turn (real sign-ins among bulk rows); median and p99 in ms. "Ratio" is Better Auth ÷ profilekit at',
  'the median: above 1, profilekit is faster. The bench asserts each call returns the right answer (the',
  "user's count, null after a revoke) and that reads wrote nothing. Alone: `npx tsx bench/serverSessions.ts`.",
  '',
  row('Operation', 'profilekit median', 'p99', 'Better Auth median', 'p99', 'Ratio'),
  row('---', '---:', '---:', '---:', '---:', '---:'),
  ...sessionsBench.results.map((r) =>
    row(
      `${r.op} (\`${r.profilekitCall}\` vs \`${r.betterAuthCall}\`)`,
      ms(r.profilekit.median),
      ms(r.profilekit.p99),
      ms(r.betterAuth.median),
      ms(r.betterAuth.p99),
      `${ratio(r.ratio)}×`,
    ),
  ),
  '',
  '## 6. Several instances over PostgreSQL (`node scripts/with-postgres.mjs npx tsx bench/multiInstance.ts`)',
  '',
  `Two instances in one process, each with its own pool and LISTEN/NOTIFY event bus over one database, on`,
  `loopback HTTP. ${multi.fanOut.openStreamsPeak.toLocaleString('en')} event streams open on instance 1 while instance 2 revokes ${multi.fanOut.revokes} of their sessions one`,
  "at a time; the time is from the revoke's HTTP response on instance 2 to the `signed-out` event on the",
  "revoked session's own stream on instance 1 (negative: the event came first).",
  '',
  row('Measure', 'Value'),
  row('---', '---:'),
  row('revoke → signed-out event, p50', ms(multi.fanOut.signedOutFromResponseMs.p50)),
  row('revoke → signed-out event, p99', ms(multi.fanOut.signedOutFromResponseMs.p99)),
  row('revoke → signed-out event, max', ms(multi.fanOut.signedOutFromResponseMs.max)),
  row('missed events', multi.fanOut.missedEvents),
  row('process RSS, peak (servers and clients)', `${multi.fanOut.rssMiB.peakProcess} MiB`),
  '',
  `${multi.scale.sessions.toLocaleString('en')} sessions over ${multi.scale.users.toLocaleString('en')} users, the same rows in each store (PostgreSQL: a throwaway cluster with`,
  'fsync off; SQLite: a file in WAL mode); median and p99 in ms.',
  '',
  row('Operation', 'PostgreSQL median', 'p99', 'SQLite median', 'p99'),
  row('---', '---:', '---:', '---:', '---:'),
  ...multi.scale.results.map((r) =>
    row(r.op, ms(r.postgres.median), ms(r.postgres.p99), ms(r.sqlite.median), ms(r.sqlite.p99)),
  ),
  '',
  ...historySection(readJson(out('history-cost.json'))),
);
writeFileSync(path.join(root, 'bench/RESULTS.md'), lines.join('\n'));
console.log('\nWrote bench/RESULTS.md');
