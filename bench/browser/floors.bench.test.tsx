// Issue #15: SessionList beside two floors, in one Chromium run, at 1,000 identical "Chrome on macOS" rows.
//
//  - plain floor: the list a developer would write by hand, <ul> of <li> with 7 DOM nodes per row;
//  - identical floor: SessionList's markup, attribute for attribute, written by hand as one flat map over
//    precomputed strings. The bench checks at run time that its HTML equals the kit's and fails, saying to
//    update the floor, when the kit's markup has moved on.
//
// The kit is imported only through its public entry points; rows are found by structure (list items that
// hold a button), never by the kit's class names. Writes bench/.out/render-floors.json.
import { QueryClient } from '@tanstack/react-query';
import { Profiler, type ReactNode, useCallback, useEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import {
  enMessages,
  prefetchSessions,
  type SessionInput,
  SessionList,
  type SessionsDataProvider,
  SessionsProvider,
} from '../../src/index.js';
import '../../src/styles.css';
import { chromeOnMacSession, STEP_MS, USER_AGENT } from './chromeOnMacSessions.js';
import {
  countRowNodes,
  finiteMedian,
  firstDifference,
  frameAndAfter,
  frameWhen,
  type HeapMethod,
  heapAfterGc,
  nodesPerRow,
  normalizedMarkup,
  pairedRatio,
  rowButtonCount,
  rowsIn,
  sleep,
  startOfFrame,
} from './floorsMeasure.js';
import { type FloorRow, IdenticalRow, readKitRows } from './identicalRows.js';
import { median } from './measure.js';

const ROWS = 1_000;
// Kit and floors alternate run by run (the order rotates each round); one warm-up round is not counted.
const RUNS = 11;
// Commits are counted from root.render until this long after the first frame.
const COMMIT_WINDOW_MS = 500;
// …and, beside that, until the list has not committed for QUIET_MS (the window above can end before a
// late commit on a loaded machine).
const QUIET_MS = 500;
const QUIET_CAP_MS = 4_000;
const SCOPE = 'bench-user';
const NOW = Date.now();

type Variant = 'kit' | 'plain' | 'identical';
const VARIANTS: Variant[] = ['kit', 'plain', 'identical'];

// ——— Data ———

const sessionInput = (i: number) => chromeOnMacSession(i, NOW);

/**
 * A backend answering at once, with no password asked. Each answer is built fresh (as from a response),
 * so nothing but what the list itself keeps stays in memory. Revoked ids leave later answers.
 */
function instantProvider(): SessionsDataProvider {
  const revoked = new Set<string>();
  return {
    listSessions: () => {
      const sessions: SessionInput[] = [];
      for (let i = 0; i < ROWS; i++) if (!revoked.has(`s${i}`)) sessions.push(sessionInput(i));
      return Promise.resolve({ sessions, currentSessionId: 's0' });
    },
    revokeSession: ({ sessionId }) => {
      revoked.add(sessionId);
      return Promise.resolve();
    },
    signOut: () => Promise.resolve(),
    passwordRequirements: { revokeSession: 'none', revokeOtherSessions: 'none', revokeAllSessions: 'none' },
  };
}

// Infinite gcTime: an unmounted run's cache leaves no timer behind that would keep it (and the heap) alive.
const queryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY, retry: false },
      mutations: { gcTime: Number.POSITIVE_INFINITY },
    },
  });

const listParams = () => ({ signal: new AbortController().signal });

// ——— The kit ———

function Kit({ provider, client }: { provider: SessionsDataProvider; client: QueryClient }) {
  return (
    <SessionsProvider
      dataProvider={provider}
      scope={SCOPE}
      queryClient={client}
      live={false}
      pollIntervalMs={false}
    >
      <SessionList />
    </SessionsProvider>
  );
}

// ——— Floors: both keep their rows in React state, and signing a row out removes it from that state ———

function useRows<T extends { id: string }>(initial: T[] | undefined, load: (() => Promise<T[]>) | undefined) {
  const [rows, setRows] = useState<T[] | null>(initial ?? null);
  useEffect(() => {
    if (!load) return;
    let live = true;
    void load().then((loaded) => {
      if (live) setRows(loaded);
    });
    return () => {
      live = false;
    };
  }, [load]);
  const remove = useCallback(
    (id: string) => setRows((list) => list?.filter((row) => row.id !== id) ?? null),
    [],
  );
  return [rows, remove] as const;
}

interface FloorProps<T> {
  /** Warm: the rows, already at hand. */
  initial?: T[];
  /** Cold: fetch them (from the same instant provider the kit uses) after the first commit. */
  load?: () => Promise<T[]>;
}

interface PlainRow {
  id: string;
  name: string;
  meta: string;
}

const relativeTime = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** The plain floor's strings, computed from the data before render (never in render). */
function toPlainRow(session: SessionInput): PlainRow {
  const minutes = Math.round((NOW - Date.parse(String(session.lastActiveAt))) / 60_000);
  const ago =
    minutes < 60
      ? relativeTime.format(-minutes, 'minute')
      : relativeTime.format(-Math.round(minutes / 60), 'hour');
  const device = `${session.device?.browser} on ${session.device?.os}`;
  return {
    id: session.id,
    name: session.isCurrent ? `${device} (this device)` : device,
    meta: `${session.ipAddress} · ${ago}`,
  };
}

/**
 * The plain floor: li > [span name, span meta, button "Sign out"], each with one text node: 7 nodes per
 * row by countRowNodes' rule (li, span, text, span, text, button, text).
 */
function PlainFloor({ initial, load }: FloorProps<PlainRow>) {
  const [rows, remove] = useRows(initial, load);
  if (!rows) return null;
  return (
    <ul>
      {rows.map((row) => (
        <li key={row.id}>
          <span>{row.name}</span>
          <span>{row.meta}</span>
          <button type="button" onClick={() => remove(row.id)}>
            Sign out
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * The identical floor: SessionList's list markup (root, heading, list, rows), attribute for attribute, as
 * one flat map over precomputed strings (no components, no hooks in rows, no formatting at render). When
 * the kit's markup changes, this must be changed to match: the bench fails until it is.
 */
function IdenticalFloor({ initial, load }: FloorProps<FloorRow>) {
  const [rows, remove] = useRows(initial, load);
  if (!rows) return null;
  return (
    <div className="pk-root" data-view="ready">
      <h2 id="floor-heading" className="pk-heading">
        {enMessages.countHeading(rows.length)}
      </h2>
      <ul className="pk-list" tabIndex={-1} aria-labelledby="floor-heading">
        {rows.map((row) => (
          <IdenticalRow key={row.id} row={row} onRemove={remove} />
        ))}
      </ul>
    </div>
  );
}

// ——— Mounting and timing ———

interface Mounted {
  host: HTMLElement;
  root: Root;
  /** performance.now() of every commit of the outermost Profiler (any phase), in order. */
  commits: number[];
  /** The outermost Profiler's actualDuration of each commit (ms of rendering in it). */
  durations: number[];
  /** Rows in the DOM when the first commit ran. */
  rowsAtFirstCommit: number;
  t0: number;
  /** The MutationObserver saw all rows. */
  tRows: number;
  /** The first animation frame's callback after that, and the first task after that frame. */
  tFrame: number;
  tAfter: number;
  /** That frame's style and layout forced from its callback: done. */
  tLaidOut: number;
  cleanup: () => void;
}

/** A fresh root in a fresh host; times root.render → first commit, rows in the DOM, the next frame. */
async function timedMount(ui: ReactNode, cleanup: () => void = () => {}): Promise<Mounted> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const commits: number[] = [];
  const durations: number[] = [];
  let rowsAtFirstCommit = -1;
  const onRender = (_id: string, _phase: string, actualDuration: number) => {
    commits.push(performance.now());
    durations.push(actualDuration);
    if (commits.length === 1) rowsAtFirstCommit = rowButtonCount(host);
  };
  let tRows = Number.NaN;
  let observer: MutationObserver | undefined;
  const rowsThere = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${ROWS} rows never appeared`)), 10_000);
    observer = new MutationObserver(() => {
      if (rowButtonCount(host) < ROWS) return;
      tRows = performance.now();
      observer?.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(host, { childList: true, subtree: true });
  });
  await startOfFrame();
  const t0 = performance.now();
  root.render(
    <Profiler id="outermost" onRender={onRender}>
      {ui}
    </Profiler>,
  );
  await rowsThere;
  const { frame, laidOut, after } = await frameAndAfter();
  return {
    host,
    root,
    commits,
    durations,
    rowsAtFirstCommit,
    t0,
    tRows,
    tFrame: frame,
    tAfter: after,
    tLaidOut: laidOut,
    cleanup,
  };
}

function unmount(mounted: Mounted) {
  mounted.root.unmount();
  mounted.host.remove();
  mounted.cleanup();
}

/** Commits of the outermost Profiler from root.render until COMMIT_WINDOW_MS after the first frame. */
async function commitsInWindow(mounted: Mounted): Promise<number> {
  await sleep(Math.max(0, mounted.tFrame + COMMIT_WINDOW_MS - performance.now()));
  return mounted.commits.filter((t) => t <= mounted.tFrame + COMMIT_WINDOW_MS).length;
}

/** Every commit until none came for QUIET_MS (at most QUIET_CAP_MS after the first frame). */
async function commitsUntilQuiet(mounted: Mounted): Promise<number> {
  const last = () => mounted.commits[mounted.commits.length - 1] as number;
  while (performance.now() - last() < QUIET_MS && performance.now() - mounted.tFrame < QUIET_CAP_MS) {
    await sleep(Math.max(10, last() + QUIET_MS - performance.now()));
  }
  return mounted.commits.length;
}

type Samples = Record<Variant, number[]>;
const samples = (): Samples => ({ kit: [], plain: [], identical: [] });

/** Rounds of kit and floors in turn; the order rotates each round. Round 0 is a warm-up. */
async function rounds(run: (variant: Variant, counted: boolean) => Promise<void>) {
  for (let round = 0; round <= RUNS; round++) {
    for (let k = 0; k < VARIANTS.length; k++) {
      await run(VARIANTS[(round + k) % VARIANTS.length] as Variant, round > 0);
    }
  }
}

interface Figure {
  unit: string;
  kit: number;
  plain: number;
  identical: number;
  /** Median of the per-round ratios (kit and floor mounted a few ms apart). */
  kitOverPlain: number;
  kitOverIdentical: number;
}

function figure(unit: string, s: Samples): Figure {
  return {
    unit,
    kit: finiteMedian(s.kit),
    plain: finiteMedian(s.plain),
    identical: finiteMedian(s.identical),
    kitOverPlain: pairedRatio(s.kit, s.plain),
    kitOverIdentical: pairedRatio(s.kit, s.identical),
  };
}

it(`SessionList beside a plain floor and an identical-markup floor at ${ROWS.toLocaleString('en')} rows`, async () => {
  const wallStart = performance.now();

  // ——— Set-up: the warm path, the kit's markup, the identical floor's rows, and the drift check ———
  // Warm: the public prefetchSessions fills the QueryClient; should a kit stop reading that cache on its
  // first commit, fall back to mounting once to fill it, unmounting, and timing the second mount.
  let warmMethod: 'prefetchSessions' | 'mount, unmount, mount again' = 'prefetchSessions';
  const warmKit = async () => {
    const provider = instantProvider();
    const client = queryClient();
    const ui = <Kit provider={provider} client={client} />;
    if (warmMethod === 'prefetchSessions')
      await prefetchSessions(client, { dataProvider: provider, scope: SCOPE });
    else unmount(await timedMount(ui));
    return { ui, cleanup: () => client.clear() };
  };
  let probe = await warmKit();
  let kitMount = await timedMount(probe.ui, probe.cleanup);
  if (kitMount.rowsAtFirstCommit !== ROWS) {
    unmount(kitMount);
    warmMethod = 'mount, unmount, mount again';
    probe = await warmKit();
    kitMount = await timedMount(probe.ui, probe.cleanup);
  }
  await sleep(200); // the clock refresh after the first paint, if any, has committed
  expect(rowsIn(kitMount.host), 'the kit rendered every row').toHaveLength(ROWS);
  expect(kitMount.rowsAtFirstCommit, 'a warm kit commits its rows in its first commit').toBe(ROWS);
  const kitRows = readKitRows(rowsIn(kitMount.host));
  const kitHtml = normalizedMarkup(kitMount.host);
  unmount(kitMount);
  const kitRowsJson = JSON.stringify(kitRows);

  const identicalProbe = await timedMount(<IdenticalFloor initial={kitRows} />);
  const drift = firstDifference(kitHtml, normalizedMarkup(identicalProbe.host));
  unmount(identicalProbe);
  expect(
    drift,
    "SessionList's markup changed: update IdenticalRow in bench/browser/identicalRows.tsx (and readKitRows) to the kit's new markup, attribute for attribute, so the identical floor does the same DOM work",
  ).toBeNull();

  const plainRows = Array.from({ length: ROWS }, (_, i) => toPlainRow(sessionInput(i)));

  // ——— Nodes per row, by one rule for all three ———
  const nodes = {} as Record<Variant, { typical: number; mean: number }>;
  const plainRules: number[] = [];

  // ——— 1. Warm mount to commit (data at hand), with commits per warm mount ———
  const warmCommit = samples();
  const warmFrame = samples();
  const warmCommits = samples();
  const warmQuiet = samples();
  const clockCommitAt: number[] = [];
  const clockCommitDuration: number[] = [];
  // What each variant mounts, warm: the kit with its cache filled, the floors with their rows at hand.
  const warmSetup = async (variant: Variant) =>
    variant === 'kit'
      ? await warmKit()
      : {
          ui: variant === 'plain' ? <PlainFloor initial={plainRows} /> : <IdenticalFloor initial={kitRows} />,
          cleanup: () => {},
        };
  await rounds(async (variant, counted) => {
    const setup = await warmSetup(variant);
    await heapAfterGc(); // every timed run starts from a collected heap
    const mounted = await timedMount(setup.ui, setup.cleanup);
    const commitCount = await commitsInWindow(mounted);
    const quietCount = await commitsUntilQuiet(mounted);
    expect(mounted.rowsAtFirstCommit, `${variant}: warm mount commits the rows at once`).toBe(ROWS);
    if (!nodes[variant]) {
      nodes[variant] = nodesPerRow(mounted.host);
      if (variant === 'plain') plainRules.push(...rowsIn(mounted.host).map(countRowNodes));
    }
    unmount(mounted);
    if (!counted) return;
    warmCommit[variant].push((mounted.commits[0] as number) - mounted.t0);
    warmFrame[variant].push(mounted.tFrame - mounted.t0);
    warmCommits[variant].push(commitCount);
    warmQuiet[variant].push(quietCount);
    if (variant === 'kit' && mounted.commits.length > 1) {
      clockCommitAt.push((mounted.commits[1] as number) - mounted.tFrame);
      clockCommitDuration.push(mounted.durations[1] as number);
    }
  });
  expect(new Set(plainRules), 'every plain-floor row is 7 nodes').toEqual(new Set([7]));

  // ——— 2. Cold mount to first frame (empty cache, the provider answers at once), commits, heap ———
  const coldRows = samples();
  const coldFrame = samples();
  const coldAfter = samples();
  const coldCommits = samples();
  const coldQuiet = samples();
  const coldLaidOut = samples();
  const heapJs = samples();
  const heapEmbedder = samples();
  let heapMethod: HeapMethod = 'none';
  await rounds(async (variant, counted) => {
    const before = await heapAfterGc();
    heapMethod = before.method;
    let ui: ReactNode;
    let cleanup = () => {};
    if (variant === 'kit') {
      const client = queryClient();
      ui = <Kit provider={instantProvider()} client={client} />;
      cleanup = () => client.clear();
    } else if (variant === 'plain') {
      const provider = instantProvider();
      const load = () =>
        (provider.listSessions as NonNullable<SessionsDataProvider['listSessions']>)(listParams()).then(
          (result) => result.sessions.map(toPlainRow),
        );
      ui = <PlainFloor load={load} />;
    } else {
      const provider = instantProvider();
      // Fresh strings each run (parsed, not shared with the set-up's), so the heap counts the floor's own.
      const load = () =>
        (provider.listSessions as NonNullable<SessionsDataProvider['listSessions']>)(listParams()).then(
          (result) => {
            const byId = new Map((JSON.parse(kitRowsJson) as FloorRow[]).map((row) => [row.id, row]));
            return result.sessions.map((session) => byId.get(session.id) as FloorRow);
          },
        );
      ui = <IdenticalFloor load={load} />;
    }
    const mounted = await timedMount(ui, cleanup);
    const commitCount = await commitsInWindow(mounted);
    const after = await heapAfterGc();
    const quietCount = await commitsUntilQuiet(mounted);
    expect(rowsIn(mounted.host), `${variant}: cold mount rendered every row`).toHaveLength(ROWS);
    unmount(mounted);
    if (!counted) return;
    coldRows[variant].push(mounted.tRows - mounted.t0);
    coldFrame[variant].push(mounted.tFrame - mounted.t0);
    coldAfter[variant].push(mounted.tAfter - mounted.t0);
    coldCommits[variant].push(commitCount);
    coldQuiet[variant].push(quietCount);
    coldLaidOut[variant].push(mounted.tLaidOut - mounted.t0);
    heapJs[variant].push((after.js - before.js) / 1e6);
    heapEmbedder[variant].push((after.embedder - before.embedder) / 1e6);
  });

  // ——— 3. Revoke to frame: the first row that is not this device ———
  const revokeGone = samples();
  const revokeFrame = samples();
  const revokeAfter = samples();
  const revokeFrames = samples();
  const revokeLaidOut = samples();
  await rounds(async (variant, counted) => {
    const setup = await warmSetup(variant);
    const mounted = await timedMount(setup.ui, setup.cleanup);
    await sleep(300); // past the kit's clock refresh: the click meets a settled list
    // The kit lists this device first; the floors keep the same order.
    const target = rowsIn(mounted.host)[1] as HTMLElement;
    const button = target.querySelector('button') as HTMLButtonElement;
    let tGone = Number.NaN;
    const observer = new MutationObserver(() => {
      if (!target.isConnected && Number.isNaN(tGone)) tGone = performance.now();
    });
    observer.observe(mounted.host, { childList: true, subtree: true });
    await heapAfterGc();
    await startOfFrame();
    const t0 = performance.now();
    button.click();
    const { frame, laidOut, after, frames } = await frameWhen(() => !target.isConnected);
    observer.disconnect();
    await sleep(300); // the kit's server answer and refetch settle
    expect(Number.isNaN(frame), `${variant}: the row left within 120 frames`).toBe(false);
    expect(rowsIn(mounted.host), `${variant}: one row fewer`).toHaveLength(ROWS - 1);
    unmount(mounted);
    if (!counted) return;
    revokeGone[variant].push(tGone - t0);
    revokeFrame[variant].push(frame - t0);
    revokeAfter[variant].push(after - t0);
    revokeFrames[variant].push(frames);
    revokeLaidOut[variant].push(laidOut - t0);
  });

  const results = {
    issue: 15,
    rows: ROWS,
    runs: RUNS,
    userAgent: USER_AGENT,
    device: { browser: 'Chrome', os: 'macOS', type: 'desktop' },
    lastActiveSpreadHours: ((ROWS - 1) * STEP_MS) / 3_600_000,
    warmMethod,
    nodeRule:
      "elements + text nodes with non-whitespace text in the row's subtree, the <li> included (SVG elements count)",
    heapMethod,
    commitWindowMs: COMMIT_WINDOW_MS,
    /** Data at hand: root.render → the outermost Profiler's first onRender (the commit). */
    warmMountToCommit: figure('ms', warmCommit),
    /** Empty cache, a provider resolving at once: root.render → the first rAF callback after all rows are in the DOM. */
    coldMountToFirstFrame: figure('ms', coldFrame),
    /** element.click() on the second row's sign-out → the first rAF callback in which that row is gone. */
    revokeToFrame: figure('ms', revokeFrame),
    nodesPerRow: {
      kit: nodes.kit.typical,
      plain: nodes.plain.typical,
      identical: nodes.identical.typical,
      mean: { kit: nodes.kit.mean, plain: nodes.plain.mean, identical: nodes.identical.mean },
    },
    /** V8 heap after a forced GC with the cold-mounted list, minus the same page collected before the run. */
    heapMB: figure('MB', heapJs),
    /** Outermost Profiler commits (any phase), root.render → COMMIT_WINDOW_MS after the first frame. */
    commitsPerMount: {
      warm: {
        kit: median(warmCommits.kit),
        plain: median(warmCommits.plain),
        identical: median(warmCommits.identical),
      },
      cold: {
        kit: median(coldCommits.kit),
        plain: median(coldCommits.plain),
        identical: median(coldCommits.identical),
      },
    },
    extra: {
      warmMountToFirstFrame: figure('ms', warmFrame),
      coldMountToRowsInDom: figure('ms', coldRows),
      /** The first task after that first frame: its style, layout and paint, and tasks queued before (passive effects). */
      coldMountToNextTaskAfterFrame: figure('ms', coldAfter),
      /** root.render → that first frame's style and layout done (forced from its rAF callback; paint not included). */
      coldMountToFirstFrameLaidOut: figure('ms', coldLaidOut),
      revokeToRowRemoved: figure('ms', revokeGone),
      revokeToNextTaskAfterFrame: figure('ms', revokeAfter),
      /** Click → that frame's style and layout done (forced from its rAF callback; paint not included). */
      revokeToFrameLaidOut: figure('ms', revokeLaidOut),
      revokeFrames: figure('frames', revokeFrames),
      /** Blink's heap (DOM nodes), same method as heapMB (Runtime.getHeapUsage embedderHeapUsedSize). */
      domHeapMB: figure('MB', heapEmbedder),
      /** Commits until the list was quiet for QUIET_MS (capped at QUIET_CAP_MS after the first frame). */
      commitsUntilQuiet: {
        quietMs: QUIET_MS,
        warm: {
          kit: median(warmQuiet.kit),
          plain: median(warmQuiet.plain),
          identical: median(warmQuiet.identical),
        },
        cold: {
          kit: median(coldQuiet.kit),
          plain: median(coldQuiet.plain),
          identical: median(coldQuiet.identical),
        },
      },
      /** The kit's second commit of a warm mount (the relative-time clock refresh): when, and its render time. */
      kitWarmSecondCommit: {
        runs: clockCommitAt.length,
        afterFirstFrameMs: finiteMedian(clockCommitAt),
        actualDurationMs: finiteMedian(clockCommitDuration),
      },
    },
    samples: {
      warmMountToCommit: warmCommit,
      coldMountToFirstFrame: coldFrame,
      revokeToFrame: revokeFrame,
      heapMB: heapJs,
      commitsWarm: warmCommits,
      commitsCold: coldCommits,
      commitsWarmUntilQuiet: warmQuiet,
      commitsColdUntilQuiet: coldQuiet,
      kitWarmSecondCommitAfterFirstFrameMs: clockCommitAt,
    },
    wallMs: 0,
  };
  results.wallMs = performance.now() - wallStart;
  await commands.writeFile('bench/.out/render-floors.json', JSON.stringify(results, null, 2));

  const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  const line = (name: string, fig: Figure, digits = 1) =>
    `| ${name} | ${f(fig.kit, digits)} | ${f(fig.plain, digits)} | ${f(fig.identical, digits)} | ${f(fig.kitOverPlain, 2)} | ${f(fig.kitOverIdentical, 2)} |`;
  const plainLine = (name: string, v: Record<Variant, number>, digits = 0) =>
    `| ${name} | ${f(v.kit, digits)} | ${f(v.plain, digits)} | ${f(v.identical, digits)} | ${f(v.kit / v.plain, 2)} | ${f(v.kit / v.identical, 2)} |`;
  console.log(
    [
      `render floors, ${ROWS} rows, medians of ${RUNS} alternating runs (heap: ${heapMethod})`,
      '| Figure | Kit | Plain floor | Identical floor | Kit ÷ plain | Kit ÷ identical |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      line('warm mount to commit (ms)', results.warmMountToCommit),
      line('cold mount to first frame (ms)', results.coldMountToFirstFrame),
      line('revoke to frame (ms)', results.revokeToFrame),
      plainLine('DOM nodes per row', results.nodesPerRow),
      line('JS heap at 1,000 rows (MB)', results.heapMB, 2),
      plainLine('commits per warm mount', results.commitsPerMount.warm),
      plainLine('commits per cold mount', results.commitsPerMount.cold),
      '| *extra* | | | | | |',
      line('warm mount to first frame (ms)', results.extra.warmMountToFirstFrame),
      line('cold mount to rows in DOM (ms)', results.extra.coldMountToRowsInDom),
      line('cold mount to next task after frame (ms)', results.extra.coldMountToNextTaskAfterFrame),
      line('cold mount to first frame laid out (ms)', results.extra.coldMountToFirstFrameLaidOut),
      line('revoke to row removed (ms)', results.extra.revokeToRowRemoved),
      line('revoke to next task after frame (ms)', results.extra.revokeToNextTaskAfterFrame),
      line('revoke to frame laid out (ms)', results.extra.revokeToFrameLaidOut),
      line('revoke frames until gone', results.extra.revokeFrames, 0),
      line('DOM (Blink) heap at 1,000 rows (MB)', results.extra.domHeapMB, 2),
      plainLine('commits per warm mount, until quiet', results.extra.commitsUntilQuiet.warm),
      plainLine('commits per cold mount, until quiet', results.extra.commitsUntilQuiet.cold),
      `kit's second warm commit: ${f(results.extra.kitWarmSecondCommit.afterFirstFrameMs)} ms after the first frame, ${f(results.extra.kitWarmSecondCommit.actualDurationMs)} ms of rendering (${results.extra.kitWarmSecondCommit.runs} runs)`,
      `wall ${(results.wallMs / 1000).toFixed(1)} s`,
    ].join('\n'),
  );
});
