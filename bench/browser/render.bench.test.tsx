import { QueryClient } from '@tanstack/react-query';
import { memo, Profiler, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { SessionList } from '../../src/components/SessionList.js';
import { SessionRow, type SessionRowProps } from '../../src/components/SessionRow.js';
import { createMemoryBackend } from '../../src/memory/createMemoryBackend.js';
import { DEMO_USER_AGENTS } from '../../src/memory/demoBackend.js';
import type { SessionsDataProvider } from '../../src/provider/types.js';
import { SessionsProvider } from '../../src/registry/SessionsProvider.js';
import '../../src/styles.css';
import { type FloorRow, IdenticalRow, readKitRows } from './identicalRows.js';
import { median, nextFrame } from './measure.js';

// Kit and floor alternate run by run; each run's ratio compares two mounts a few milliseconds apart, so
// the median ratio holds steady when the machine's load drifts during the bench.
const RUNS = 15;
const AGENTS = Object.values(DEMO_USER_AGENTS);

function backendWith(count: number) {
  const backend = createMemoryBackend({ users: [{ id: 'u', email: 'u@example.com', password: 'pw' }] });
  const now = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      backend.addSession({
        user: 'u',
        userAgent: AGENTS[i % AGENTS.length],
        ipAddress: `198.51.100.${i % 256}`,
        location: i % 3 ? { city: 'Lisbon', country: 'Portugal' } : undefined,
        lastActiveAt: now - i * 60_000,
      }),
    );
  }
  return { backend, provider: backend.providerFor(ids[0] as string) };
}

/**
 * The floor: the markup SessionList renders, attribute for attribute, written by hand as one flat map
 * over precomputed strings (no components, no hooks, no formatting at render).
 */
function Floor({ rows }: { rows: FloorRow[] }) {
  return (
    <div className="pk-root" data-view="ready">
      <h2 id="floor-heading" className="pk-heading">
        Signed in on {rows.length} devices
      </h2>
      <ul className="pk-list" tabIndex={-1} aria-labelledby="floor-heading">
        {rows.map((row) => (
          <IdenticalRow key={row.id} row={row} />
        ))}
      </ul>
    </div>
  );
}

/** The list's HTML with generated ids (React's useId, the floor's own) made comparable. */
function markup(host: HTMLElement): string {
  const html = host.querySelector('.pk-root')?.outerHTML ?? '';
  const ids = new Map<string, string>();
  return html.replace(/(id|aria-describedby|aria-labelledby)="([^"]*)"/g, (_, attribute, value) => {
    if (!ids.has(value)) ids.set(value, `id${ids.size}`);
    return `${attribute}="${ids.get(value)}"`;
  });
}

/** Time for one synchronous mount (render + commit + layout read), in ms. */
function timeMount(root: Root, ui: ReactNode): number {
  const start = performance.now();
  flushSync(() => root.render(ui));
  document.body.getBoundingClientRect();
  return performance.now() - start;
}

async function mountTimes(count: number) {
  const { provider } = backendWith(count);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } },
  });
  const host = document.createElement('div');
  document.body.append(host);
  // Warm-up: fills the cache, so every measured mount renders the rows in its first commit, like the floor.
  let root = createRoot(host);
  const kit = (p: SessionsDataProvider) => (
    <SessionsProvider dataProvider={p} queryClient={queryClient}>
      <SessionList />
    </SessionsProvider>
  );
  root.render(kit(provider));
  await expect.poll(() => host.querySelectorAll('[data-session-id]').length).toBe(count);
  const rows = readKitRows([...host.querySelectorAll('[data-session-id]')]);
  const kitHtml = markup(host);
  root.unmount();
  // The floor must really be the same markup, or the ratio compares different work.
  root = createRoot(host);
  flushSync(() => root.render(<Floor rows={rows} />));
  expect(markup(host)).toBe(kitHtml);
  root.unmount();
  const kitTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    root = createRoot(host);
    const k = timeMount(root, kit(provider));
    expect(host.querySelectorAll('[data-session-id]').length).toBe(count);
    root.unmount();
    root = createRoot(host);
    const f = timeMount(root, <Floor rows={rows} />);
    root.unmount();
    // The first run warms the JIT; it is not counted.
    if (run > 0) {
      kitTimes.push(k);
      floorTimes.push(f);
    }
    await nextFrame();
  }
  host.remove();
  const ratios = kitTimes.map((kit, i) => kit / (floorTimes[i] as number));
  return { kit: median(kitTimes), floor: median(floorTimes), ratio: median(ratios) };
}

it('mounts SessionList with 100 and 1,000 sessions, beside the hand-written floor', async () => {
  const results: Record<string, unknown> = {};
  for (const count of [100, 1_000]) {
    const { kit, floor, ratio } = await mountTimes(count);
    results[`mount${count}`] = { kitMs: kit, floorMs: floor, ratio, runs: RUNS };
  }
  await commands.writeFile('bench/.out/render-mount.json', JSON.stringify(results, null, 2));
});

it('revoking one row re-renders no other row, and the row is gone by the next frame', async () => {
  const { provider } = backendWith(200);
  const renders = new Map<string, number>();
  // A host's override, memoized like the default row, with a Profiler to count each row's renders.
  const CountedRow = memo(function CountedRow(props: SessionRowProps) {
    return (
      <Profiler id={props.session.id} onRender={(id) => renders.set(id, (renders.get(id) ?? 0) + 1)}>
        <SessionRow {...props} />
      </Profiler>
    );
  });
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  root.render(
    <SessionsProvider
      dataProvider={provider}
      queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
      components={{ SessionRow: CountedRow }}
    >
      <SessionList />
    </SessionsProvider>,
  );
  await expect.poll(() => host.querySelectorAll('[data-session-id]').length).toBe(200);
  await nextFrame();
  renders.clear();
  const target = host.querySelectorAll<HTMLElement>('[data-session-id]')[50] as HTMLElement;
  const targetId = target.getAttribute('data-session-id') ?? '';
  let frames = 0;
  target.querySelector('button')?.click();
  while (host.querySelector(`[data-session-id="${targetId}"]`) && frames < 120) {
    await nextFrame();
    frames += 1;
  }
  // Let the server answer and the refetch settle, then count who rendered.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const otherRowRenders = [...renders].filter(([id]) => id !== targetId).reduce((sum, [, n]) => sum + n, 0);
  root.unmount();
  host.remove();
  await commands.writeFile(
    'bench/.out/render-revoke.json',
    JSON.stringify({ otherRowRenders, framesUntilGone: frames, rows: 200 }, null, 2),
  );
});
