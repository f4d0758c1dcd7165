// Where a row's render time goes (issue 15's measured cause for the mount figures): SessionList mounting
// 1,000 cached rows, with the registry's per-row parts replaced one by one through the public `components`
// prop. Each figure is render + commit in one flushSync (no layout, no paint), median of RUNS alternating
// runs after a warm-up. Writes bench/.out/row-cost.json.
import { QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import {
  prefetchSessions,
  SessionList,
  type SessionsComponentOverrides,
  type SessionsDataProvider,
  SessionsProvider,
} from '../../src/index.js';
import '../../src/styles.css';
import { chromeOnMacSession } from './chromeOnMacSessions.js';
import { sleep } from './floorsMeasure.js';
import { median } from './measure.js';

const ROWS = 1_000;
const RUNS = 15;
const NOW = Date.now();

const provider: SessionsDataProvider = {
  listSessions: () =>
    Promise.resolve({
      sessions: Array.from({ length: ROWS }, (_, i) => chromeOnMacSession(i, NOW)),
      currentSessionId: 's0',
    }),
  revokeSession: () => Promise.resolve(),
  signOut: () => Promise.resolve(),
  passwordRequirements: { revokeSession: 'none', revokeOtherSessions: 'none', revokeAllSessions: 'none' },
};

const Nothing = () => null;

/** What each variant replaces, by the registry's names. */
const VARIANTS: Record<string, { components: SessionsComponentOverrides; description: string }> = {
  kit: { components: {}, description: 'the kit as shipped' },
  withoutLastActive: { components: { LastActive: Nothing }, description: 'LastActive renders nothing' },
  withoutButton: {
    components: { RevokeSessionButton: Nothing, SignOutDeviceButton: Nothing },
    description: "the row's sign-out button renders nothing",
  },
  withoutEither: {
    components: { LastActive: Nothing, RevokeSessionButton: Nothing, SignOutDeviceButton: Nothing },
    description: 'neither: SessionRow and its own markup only',
  },
  bareRow: {
    components: { SessionRow: ({ session }) => <li>{session.id}</li> },
    description: 'SessionRow is a bare `<li>` with the id: the list, provider and query alone',
  },
};

it(`attributes the mount of ${ROWS} rows to the row's parts`, async () => {
  const samples: Record<string, number[]> = {};
  for (let run = 0; run <= RUNS; run++) {
    const names = Object.keys(VARIANTS);
    // The order rotates each run, so no variant always runs first (or right after a collection).
    const order = names.map((_, i) => names[(i + run) % names.length] as string);
    for (const name of order) {
      const client = new QueryClient({
        defaultOptions: {
          queries: { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY },
        },
      });
      await prefetchSessions(client, { dataProvider: provider, scope: 'bench-user' });
      const host = document.createElement('div');
      document.body.append(host);
      const root = createRoot(host);
      await sleep(30);
      const start = performance.now();
      flushSync(() =>
        root.render(
          <SessionsProvider
            dataProvider={provider}
            scope="bench-user"
            queryClient={client}
            live={false}
            pollIntervalMs={false}
            components={VARIANTS[name]?.components}
          >
            <SessionList />
          </SessionsProvider>,
        ),
      );
      const elapsed = performance.now() - start;
      expect(host.querySelectorAll('li').length, `${name}: every row rendered`).toBe(ROWS);
      root.unmount();
      host.remove();
      client.clear();
      if (run > 0) samples[name] = [...(samples[name] ?? []), elapsed];
    }
  }
  const results = {
    rows: ROWS,
    runs: RUNS,
    method: 'render + commit of SessionList in one flushSync (no layout or paint), median per variant',
    variants: Object.fromEntries(
      Object.entries(VARIANTS).map(([name, { description }]) => [
        name,
        { description, medianMs: median(samples[name] ?? []), samples: samples[name] },
      ]),
    ),
  };
  console.log(
    Object.entries(results.variants)
      .map(([name, v]) => `${name}: ${v.medianMs.toFixed(1)} ms`)
      .join(' | '),
  );
  await commands.writeFile('bench/.out/row-cost.json', JSON.stringify(results, null, 2));
});
