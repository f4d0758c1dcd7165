import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { AdminSessionsTable } from '../../src/admin/components/AdminSessionsTable.js';
import { AdminSessionsProvider } from '../../src/admin/registry/AdminSessionsProvider.js';
import { createLargeDemoBackend } from '../../src/memory/largeDemoBackend.js';
import { createTestQueryClient } from '../../src/testing/createTestQueryClient.js';
import '../../src/styles.css';
import { median, nextFrame, percentile } from './measure.js';

const SESSIONS = 100_000;
const PAGE_SIZE = 500;
const RUNS = 7;
// Two scripted scrolls, one after the other: a fast steady scroll of one screen per frame (about 28,000
// px/s) for the first 1,000 frames, then jumps of ten screens per frame to the very end, where every frame
// paints rows it never showed before (the worst case).
const SCREEN = 480;
const STEADY = { pxPerFrame: SCREEN, frames: 1_000 };
const JUMP = { pxPerFrame: 10 * SCREEN };

const grid = (host: HTMLElement) => host.querySelector('[role="grid"]') as HTMLElement;
const lastRowIndex = (host: HTMLElement) =>
  Math.max(
    0,
    ...[...grid(host).querySelectorAll('[role="row"][data-row-index]')].map((row) =>
      Number(row.getAttribute('data-row-index')),
    ),
  );

const frameStats = (frames: number[]) => ({
  frames: frames.length,
  p50Ms: percentile(frames, 50),
  p95Ms: percentile(frames, 95),
  maxMs: Math.max(...frames),
});

async function mountTable(host: HTMLElement) {
  const large = createLargeDemoBackend({ sessions: SESSIONS, users: 5_000, expiredSessions: 0 });
  const root = createRoot(host);
  const started = performance.now();
  root.render(
    <AdminSessionsProvider dataProvider={large.adminProvider} queryClient={createTestQueryClient()}>
      <AdminSessionsTable pageSize={PAGE_SIZE} height={480} />
    </AdminSessionsProvider>,
  );
  // Time to first rows: from render until the first session row is on screen, checked every frame.
  while (!host.querySelector('[role="row"][data-row-index="2"]')) await nextFrame();
  return { root, firstRowsMs: performance.now() - started };
}

it('AdminSessionsTable over 100,000 sessions: time to first rows, and frame times while scrolling to the end', async () => {
  const host = document.createElement('div');
  host.style.width = '1200px';
  document.body.append(host);

  const firstRows: number[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    const { root, firstRowsMs } = await mountTable(host);
    if (run > 0) firstRows.push(firstRowsMs);
    root.unmount();
  }

  const { root } = await mountTable(host);
  // aria-rowcount counts the header row and every session, the admin's own among them: the last index.
  const total = Number(grid(host).getAttribute('aria-rowcount'));
  const steady: number[] = [];
  const jumps: number[] = [];
  let previous = await nextFrame();
  while (lastRowIndex(host) < total && steady.length + jumps.length < 20_000) {
    const phase = steady.length < STEADY.frames ? steady : jumps;
    const table = grid(host);
    const step = phase === steady ? STEADY.pxPerFrame : JUMP.pxPerFrame;
    table.scrollTop = Math.min(table.scrollTop + step, table.scrollHeight);
    const now = await nextFrame();
    phase.push(now - previous);
    previous = now;
  }
  expect(lastRowIndex(host)).toBe(total);
  root.unmount();
  host.remove();

  await commands.writeFile(
    'bench/.out/admin-scale.json',
    JSON.stringify(
      {
        sessions: SESSIONS,
        pageSize: PAGE_SIZE,
        firstRowsMs: median(firstRows),
        runs: RUNS,
        steady: { ...STEADY, ...frameStats(steady) },
        jumps: { ...JUMP, ...frameStats(jumps) },
      },
      null,
      2,
    ),
  );
}, 600_000);
