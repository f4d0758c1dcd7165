// The "Authentication log" section of bench/RESULTS.md, from bench/.out/history-cost.json
// (bench/historyCost.ts). `npm run bench` writes it with the rest; `npm run bench -- --only history` runs
// that bench alone and splices this section into the RESULTS.md there is, the others kept as they are.

export const HISTORY_HEADING = '## 7. Authentication log';
export const historyBench = {
  title: 'authentication log: sign-in with and without history, authenticate, pages at 1,000,000 entries',
  command: 'node',
  args: ['scripts/with-postgres.mjs', 'node_modules/.bin/tsx', 'bench/historyCost.ts'],
};

const ms = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const times = (value) => `${value.toFixed(2)}×`;
const seconds = (value) => `${(value / 1000).toFixed(1)} s`;
const count = (value) => value.toLocaleString('en');
const row = (...cells) => `| ${cells.join(' | ')} |`;
const ENGINE = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const LOG_INSERT = 'INSERT profilekit_activity';
const LOG_SELECT = 'SELECT profilekit_activity';
/** The admin's page as the handler asks it: its 50 and one. */
const ADMIN_PAGE = 51;

/** The section's lines, its heading first. */
export function historySection(h) {
  const engines = h.engines;
  const s = h.signIn;
  const lines = [
    `${HISTORY_HEADING} (SQLite and PostgreSQL, bench/historyCost.ts)`,
    '',
    `Alone: \`npm run bench -- --only history\` (runs \`node scripts/with-postgres.mjs node_modules/.bin/tsx bench/historyCost.ts\``,
    `and rewrites this section only). Measured ${h.measuredAt ?? '–'}; Node ${h.env.node}, SQLite ${h.env.sqlite}${h.env.postgres ? `, ${h.env.postgres.split(' on ')[0]}` : ''};`,
    `load average ${h.env.loadAverageAtStart.join(' / ')} at the start, ${h.env.loadAverageAtEnd.join(' / ')} at the end (${h.env.cpus}); ${seconds(h.wallMs)} in all.`,
    `SQLite is a file on disk in WAL mode, synchronous ${h.env.sqliteSynchronous ?? 'at its default'} (left at its default and read back: better-sqlite3`,
    'builds SQLite so that WAL mode defaults to NORMAL, a commit written to the WAL without a sync of its',
    'own), as the reference server opens it; PostgreSQL the throwaway cluster of scripts/with-postgres.mjs',
    '(fsync and synchronous_commit off), a pool of 4. Each store is the shipped SQL store over its engine’s',
    'driver, a statement counter between the two.',
    '',
    '### Sign-in with history against without',
    '',
    `\`manager.signIn\` through two managers over one store, history on (the default) and \`history: false\`; ${count(s.runs)}`,
    `timed runs each after ${s.warmUp} warm-ups, the same user, user agent and IP for both in each iteration, the order`,
    `alternating. ${s.users} users sign in from ${s.userAgents} user agents, among ${count(s.logUsers)} users whose log holds ${count(s.logEntries)} entries`,
    '(90 days); each session is revoked by its own manager after its timed sign-in, untimed. Target (issue):',
    `with history ≤ ${times(s.targetRatio)} without, at the median.`,
    '',
    row(
      'Engine',
      'With history, median',
      'p95',
      'Without, median',
      'p95',
      'Ratio, median',
      'Ratio, p95',
      'Target',
    ),
    row('---', '---:', '---:', '---:', '---:', '---:', '---:', '---'),
    ...engines.map((name) => {
      const r = s.results[name];
      return row(
        ENGINE[name],
        ms(r.on.median),
        ms(r.on.p95),
        ms(r.off.median),
        ms(r.off.p95),
        times(r.ratio.median),
        times(r.ratio.p95),
        r.targetMet ? 'met' : '**missed**',
      );
    }),
    '',
    'What one sign-in runs (means over the timed runs; its time in SQL at the median). A driver call is a',
    'statement, a transaction or a batch (PostgreSQL: a round trip or more; SQLite: a turn of the driver’s',
    'queue); the time in SQL runs from each call to its answer, a batch timed whole, its commit included.',
    'A sign-in’s entry is written in its session’s row (below), so no statement of the log’s own is counted:',
    '',
    row(
      'Engine',
      'History',
      'Driver calls',
      'Statements',
      'Writes',
      'Commits',
      'Log reads',
      'Log INSERT',
      'Time in SQL',
    ),
    row('---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'),
  ];
  for (const name of engines) {
    for (const mode of ['on', 'off']) {
      const p = s.results[name].perSignIn[mode];
      lines.push(
        row(
          ENGINE[name],
          mode,
          p.steps.toFixed(2),
          p.statements.toFixed(2),
          p.writes.toFixed(2),
          p.commits.toFixed(2),
          (p.byLabel[LOG_SELECT] ?? 0).toFixed(2),
          (p.byLabel[LOG_INSERT] ?? 0).toFixed(2),
          ms(s.results[name].sql[mode].median),
        ),
      );
    }
  }
  const missed = engines.filter((name) => !s.results[name].targetMet);
  const named = (names) => names.map((name) => ENGINE[name]).join(' and ');
  const first = s.results[engines[0]].perSignIn;
  lines.push(
    '',
    missed.length === 0
      ? `The target is met on ${named(engines)}.`
      : `**Target missed** on ${named(missed)} (measured; the target stays): ${engines
          .map((name) => {
            const r = s.results[name];
            return `${ENGINE[name]} +${ms(r.on.median - r.off.median)} at the median (+${Math.round((r.ratio.median - 1) * 100)} %)`;
          })
          .join(', ')}.`,
    'A sign-in with history writes one row: a live session’s row holds its sign-in’s entry (schema step 6, seed',
    '000’s model: a session is a log entry that has not ended), and a trigger moves the entry into the log’s',
    'table when the row goes, however it goes, in the statement that removes it. The store decides in the same',
    'INSERT whether the sign-in is from a new device (`SessionStore.createSession` with `newDeviceSince`: a',
    'condition over the log’s device index and the user’s own rows — no sign-in of the user from this device in',
    'the window, some from another). It is one statement on both engines, kept prepared on each PostgreSQL',
    'connection (unprepared, planning the lookups cost more than running them). Before step 6 the entry had a',
    'row of its own in the log (seven B-trees more in the sign-in’s commit): SQLite measured 1.43×. So with',
    `history a sign-in makes ${first.on.steps.toFixed(0)} driver calls where it makes ${first.off.steps.toFixed(0)}, and ${first.on.commits.toFixed(0)} commit where it makes ${first.off.commits.toFixed(0)}; ${engines
      .map(
        (name) => `${s.results[name].newDeviceSignIns} of ${count(s.runs)} timed sign-ins on ${ENGINE[name]}`,
      )
      .join(' and ')}`,
    'were from a new device (the users sign in from their usual devices).',
  );
  /** The mean time of the step that stores the session (with its entry, history on). */
  const storing = (p) =>
    Object.entries(p.msByLabel)
      .filter(([label]) => /^(INSERT|WITH) profilekit_sessions/.test(label))
      .reduce((sum, [, time]) => sum + time, 0);
  for (const name of missed) {
    const r = s.results[name];
    const inSql = r.sql.on.median - r.sql.off.median;
    const outside = r.outsideSql.on.median - r.outsideSql.off.median;
    lines.push(
      '',
      `${ENGINE[name]}: of the +${ms(r.on.median - r.off.median)} at the median, the time in SQL is +${ms(inSql)} and the rest +${ms(outside)} (each`,
      `a median of its own). Storing the session takes ${ms(storing(r.perSignIn.on))} with its entry, ${ms(storing(r.perSignIn.off))} alone (means).`,
      ...(name === 'sqlite'
        ? [
            'What is left is the sign-in’s fourteen columns in the row (and its index of rows holding a sign-in),',
            'the new-device check’s lookups inside the INSERT, and building the entry in JavaScript.',
          ]
        : [
            'What is left is the sign-in’s columns in the row and the new-device check’s lookups, in the one',
            'prepared statement.',
          ]),
    );
  }
  lines.push(
    '',
    'The p95s sit several times above the medians on both sides (the load average above, on two cores), so',
    'their ratio says less than the medians’.',
  );

  const a = h.authenticate;
  lines.push(
    '',
    '### authenticate writes nothing new',
    '',
    `${count(a.calls)} \`manager.authenticate\` calls per mode (${a.sessions} sessions, each twice: last active 5 minutes ago, so the`,
    'first call writes its activity to the session row and the second only reads), history on and off on twin',
    'sessions; store calls counted by a proxy (test/server/harness.ts `countingStore`), SQL under the store.',
    'The bench fails if the two differ in any count, or if the log gains a row.',
    '',
    row(
      'Engine',
      'Store calls, history on',
      'History off',
      'SQL statements, on',
      'Off',
      'Log rows added, on',
      'Off',
    ),
    row('---', '---', '---', '---:', '---:', '---:', '---:'),
    ...engines.map((name) => {
      const r = a.results[name];
      const calls = (c) =>
        Object.entries(c)
          .map(([method, n]) => `${method} ${count(n)}`)
          .join(', ');
      return row(
        ENGINE[name],
        calls(r.on.storeCalls),
        calls(r.off.storeCalls),
        count(r.on.sql.statements),
        count(r.off.sql.statements),
        r.on.logRowsAdded,
        r.off.logRowsAdded,
      );
    }),
  );

  const p = h.pages;
  const heaviest = p.heavyUsers.map((u) => count(u.entries)).join(', ');
  lines.push(
    '',
    `### The activity page at ${count(p.entries)} entries`,
    '',
    `${count(p.entries)} entries over ${count(p.users)} users and ${p.days} days (a user’s share ∝ 1/√rank: the three heaviest have`,
    `${heaviest} entries; the median user ${count(p.medianUserEntries)}), made by the library’s own entry constructors: each`,
    'sign-in’s session ended later (signed out, expired, revoked, the cap, not me) or, within 14 days, still',
    `live (${count(p.liveSessions)} session rows, each holding its sign-in, as the store keeps a live session’s); failed sign-ins and re-authentications between. Kinds: ${Object.entries(
      p.kinds,
    )
      .map(([kind, n]) => `${kind} ${count(n)}`)
      .join(', ')}.`,
    `The ended ones seeded straight into \`profilekit_activity\` after \`store.ready()\`, the live ones through \`createSession\`: ${engines
      .map((name) => {
        const m = p.seedMs[name];
        return name === 'sqlite'
          ? `SQLite ${seconds(m.totalMs)} (the log’s rows ${seconds(m.logInsertMs)}: one transaction, one prepared statement, a 512 MiB page cache while seeding)`
          : `PostgreSQL ${seconds(m.totalMs)} (the log’s rows ${seconds(m.logInsertMs)}: INSERT … SELECT FROM unnest of column arrays, 10,000 rows a statement; then VACUUM (ANALYZE) ${seconds(m.analyzeMs)})`;
      })
      .join('; ')}; making the entries in this process is not counted.`,
    `Then ${p.runs} runs after ${p.warmUp} warm-ups of each, the engines alternating, each answer checked equal across`,
    'them; median and p99 (the p99s carry the other processes’ time on the shared machine: see the load',
    'average above). A user’s page asks 21 entries (the handler’s 20 and one), the admin’s 51; the',
    `deep page starts halfway or further down a heavy user’s history (depth ${count(p.deepPageDepth.median)} at the median). "Statements"`,
    'is what one call ran (median): the manager adds the endings’ read and one read of the rows not ended.',
    '',
    row('Query', 'Call', 'Statements', ...engines.flatMap((name) => [`${ENGINE[name]} median`, 'p99'])),
    row('---', '---', '---:', ...engines.flatMap(() => ['---:', '---:'])),
    ...p.results.map((r) =>
      row(
        r.op,
        `\`${r.call}\``,
        r.statements.median,
        ...engines.flatMap((name) => [ms(r.stats[name].median), ms(r.stats[name].p99)]),
      ),
    ),
    '',
  );
  const rare = p.results.find((r) => r.op.includes('rare kind'));
  const window = p.results.find((r) => r.op.includes('time window'));
  if (rare) {
    const kind = /\(([^)]+)\)/.exec(rare.op)?.[1] ?? '';
    const rowsFor = (k) => count(Math.round((p.entries / (p.kinds[k] ?? 1)) * ADMIN_PAGE));
    // The plan's scan and join nodes, without their costs.
    const plan = (name) =>
      rare.plans[name]
        .filter((line) => /USING INDEX|Index Scan|Semi Join/.test(line))
        .map((line) => `\`${line.replace(/^->\s*/, '').replace(/\s*\(cost=[^)]*\)/, '')}\``)
        .join(' over ');
    // An engine whose plan leaves the kind's index aside walks the log by time and tests each row.
    const walking = engines.filter((name) => !rare.plans[name].some((line) => line.includes('by_kind')));
    lines.push(
      `The admin’s filter by kind, as each engine plans it: ${engines.map((name) => `${ENGINE[name]}: ${plan(name)}`).join('; ')}.`,
      ...(walking.length === 0
        ? [
            'Each reads the kind’s own (kind, at, id) index, so a rare kind costs no more rows than a common one.',
          ]
        : [
            `${named(walking)} ${walking.length === 1 ? 'walks' : 'walk'} the log newest first and ${walking.length === 1 ? 'tests' : 'test'} each row’s kind (the filter is a list, \`kind IN\``,
            `the elements of a JSON array, which the planner does not match to the kind’s index), so a page reads as many`,
            `rows as the kind is rare: about ${rowsFor(kind)} for a page of \`${kind}\`, ${rowsFor('sign-in-failed')} for \`sign-in-failed\`: the store's`,
            'one ordered read per kind (src/server/sql/sqlActivityLog.ts) is not planned as it should be; look there first.',
          ]),
    );
  }
  if (window) {
    lines.push(
      '',
      'The manager’s page reads its sign-ins’ endings in one statement and the rows of those not ended in one more',
      `(\`findByIds\`): at most ${window.statements.max} statements for an admin page of one day (p95 ${window.statements.p95}), however many sign-ins it lists.`,
    );
  }
  lines.push('');
  return lines;
}

/** `markdown` with the section replaced (from its heading to the next `## `), or added at the end. */
export function spliceSection(markdown, section) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(HISTORY_HEADING));
  if (start === -1) {
    const kept = markdown.endsWith('\n') ? lines.slice(0, -1) : lines;
    return [...kept, '', ...section].join('\n');
  }
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const end = next === -1 ? lines.length : next;
  return [...lines.slice(0, start), ...section, ...lines.slice(end)].join('\n');
}
