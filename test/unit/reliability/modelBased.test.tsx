import { focusManager } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RevokeAllSessionsButton } from '../../../src/components/RevokeAllSessionsButton.js';
import { RevokeOtherSessionsButton } from '../../../src/components/RevokeOtherSessionsButton.js';
import { SessionList } from '../../../src/components/SessionList.js';
import { createMemoryBackend } from '../../../src/memory/createMemoryBackend.js';
import type { SessionsErrorCode } from '../../../src/provider/SessionsError.js';
import { SessionsProvider } from '../../../src/registry/SessionsProvider.js';
import { createTestQueryClient } from '../../../src/testing/createTestQueryClient.js';
import { deviceNameOf } from '../../helpers/deviceNameOf.js';

// 200 sequences in the test command; `npm run test:fuzz` sets FUZZ_RUNS=1000 (or more).
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

type Command =
  | { kind: 'revokeOne'; pick: number }
  | { kind: 'revokeOthers' }
  | {
      kind: 'fail';
      method: 'revokeSession' | 'revokeOtherSessions' | 'listSessions';
      code: SessionsErrorCode;
    }
  | { kind: 'refetch' }
  | { kind: 'refocus' }
  | { kind: 'otherDeviceSignsIn' }
  | { kind: 'otherDeviceSignsOut'; pick: number };

// NOT_FOUND is not injected: from a server it means "already gone", which a fault cannot fake honestly.
// Real NOT_FOUNDs come from devices signing out elsewhere (otherDeviceSignsOut) before a revoke lands.
const failureCode = fc.constantFrom<SessionsErrorCode>('NETWORK', 'UNKNOWN', 'FORBIDDEN', 'RATE_LIMITED');
// Failures and revokes weigh more: the interesting races need a failure queued before a revoke.
const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('revokeOne' as const), pick: fc.nat(20) }), weight: 3 },
  fc.record({ kind: fc.constant('revokeOthers' as const) }),
  {
    arbitrary: fc.record({
      kind: fc.constant('fail' as const),
      method: fc.constantFrom(
        'revokeSession' as const,
        'revokeOtherSessions' as const,
        'listSessions' as const,
      ),
      code: failureCode,
    }),
    weight: 3,
  },
  fc.record({ kind: fc.constant('refetch' as const) }),
  fc.record({ kind: fc.constant('refocus' as const) }),
  fc.record({ kind: fc.constant('otherDeviceSignsIn' as const) }),
  fc.record({ kind: fc.constant('otherDeviceSignsOut' as const), pick: fc.nat(20) }),
);

/** How a sequence ends: as it is, or with "Sign out everywhere" (which may be made to fail first). */
interface Finale {
  signOutEverywhere: boolean;
  failure?: SessionsErrorCode;
}
const finale: fc.Arbitrary<Finale> = fc.record({
  signOutEverywhere: fc.boolean(),
  failure: fc.option(failureCode, { nil: undefined }),
});

function renderedDevices(): string[] {
  const list = screen.queryByRole('list');
  if (!list) return [];
  return within(list)
    .queryAllByRole('listitem')
    .map((row) => deviceNameOf(row) ?? '?')
    .sort();
}

/** Mulberry32: a tiny seeded generator, so fast-check's seed replays the server's latencies too. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function runSequence(commands: Command[], startDevices: number, end: Finale, latencySeed: number) {
  const backend = createMemoryBackend({
    users: [{ id: 'u', email: 'u@example.com', password: 'pw' }],
    latency: { min: 0, max: 4 },
    // Drawn by fast-check with the commands: a failing run's seed brings back the same latencies.
    random: seededRandom(latencySeed),
  });
  const name = (n: number) => `Device ${n}`;
  let nextDevice = 0;
  const addDevice = () =>
    backend.addSession({ user: 'u', device: { name: name(nextDevice++), type: 'desktop' } });
  const everOnServer = () => Array.from({ length: nextDevice }, (_, i) => name(i));
  const current = addDevice();
  for (let i = 0; i < startDevices; i++) addDevice();
  const queryClient = createTestQueryClient();
  const signedOut: unknown[] = [];
  const view = render(
    <SessionsProvider
      dataProvider={backend.providerFor(current)}
      queryClient={queryClient}
      onSignedOut={(event) => signedOut.push(event)}
    >
      <SessionList />
      <RevokeOtherSessionsButton />
      <RevokeAllSessionsButton />
    </SessionsProvider>,
  );
  const serverDevices = () =>
    backend
      .sessionsOf('u')
      .map((s) => s.device?.name ?? '?')
      .sort();
  // Idle twice in a row, 6 ms apart: a focus refetch starts a tick after the focus event, and the
  // server's latency is at most 4 ms.
  const settle = async () => {
    for (let idle = 0, i = 0; idle < 2; i++) {
      if (i > 2000) throw new Error('the kit never settled');
      await act(() => new Promise((resolve) => setTimeout(resolve, 6)));
      idle = queryClient.isFetching() + queryClient.isMutating() === 0 ? idle + 1 : 0;
    }
  };

  try {
    await screen.findByRole('heading', { name: /^Signed in on/ });
    for (const step of commands) {
      const before = renderedDevices();
      const others = backend.sessionsOf('u').filter((s) => s.id !== current);
      switch (step.kind) {
        case 'revokeOne': {
          const buttons = screen.queryAllByRole('button', { name: /^Sign out Device \d+$/ });
          const button = buttons[step.pick % Math.max(1, buttons.length)];
          if (button) fireEvent.click(button);
          break;
        }
        case 'revokeOthers': {
          const trigger = screen.getByRole('button', { name: 'Sign out other devices' });
          if (trigger.getAttribute('aria-disabled') === 'true') break;
          fireEvent.click(trigger);
          const dialog = await screen.findByRole('alertdialog');
          fireEvent.click(within(dialog).getByRole('button', { name: 'Sign out other devices' }));
          // Wait for the server's answer: the dialog closes on success or shows the failure.
          await waitFor(() => {
            const open = screen.queryByRole('alertdialog');
            expect(!open || within(open).queryByRole('alert') !== null).toBe(true);
          });
          const stillOpen = screen.queryByRole('alertdialog');
          if (stillOpen) fireEvent.click(within(stillOpen).getByRole('button', { name: 'Cancel' }));
          break;
        }
        case 'fail':
          backend.failNext(step.method, step.code);
          break;
        case 'refetch':
          await act(() => queryClient.invalidateQueries());
          break;
        case 'refocus':
          act(() => {
            focusManager.setFocused(false);
            focusManager.setFocused(true);
          });
          break;
        case 'otherDeviceSignsIn':
          addDevice();
          break;
        case 'otherDeviceSignsOut': {
          const target = others[step.pick % Math.max(1, others.length)];
          if (target) await backend.endSession(target.id);
          break;
        }
      }
      // After every step settles: no row the server still has was lost, and no row was invented.
      // (Rows ended elsewhere may linger and new sign-ins may wait until the next fetch: that is staleness.)
      await settle();
      const shown = renderedDevices();
      const onServer = serverDevices();
      expect(before.filter((d) => onServer.includes(d) && !shown.includes(d))).toEqual([]);
      expect(shown.filter((d) => !everOnServer().includes(d))).toEqual([]);
    }
    // Settled: nothing in flight; then the user comes back to the tab, which refetches.
    await settle();
    backend.clearFaults();
    await act(() => queryClient.invalidateQueries());
    await settle();
    await waitFor(() => expect(renderedDevices()).toEqual(serverDevices()));
    // The current device is never signed out by these actions.
    expect(serverDevices()).toContain(name(0));
    expect(signedOut).toEqual([]);

    if (end.signOutEverywhere) {
      if (end.failure) backend.failNext('revokeAllSessions', end.failure);
      const before = serverDevices();
      fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
      const dialog = await screen.findByRole('alertdialog');
      fireEvent.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
      if (end.failure) {
        // Refused: the dialog says so, nobody was signed out, and the list still equals the server.
        expect(await within(dialog).findByRole('alert')).toBeInTheDocument();
        fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
        await settle();
        expect(signedOut).toEqual([]);
        expect(serverDevices()).toEqual(before);
        expect(renderedDevices()).toEqual(before);
      } else {
        // Done: every session is over, and the host hears it exactly once.
        await waitFor(() => expect(signedOut).toEqual([{ reason: 'revoked-all' }]));
        await settle();
        expect(serverDevices()).toEqual([]);
        expect(signedOut).toHaveLength(1);
      }
    }
  } finally {
    view.unmount();
    queryClient.clear();
    focusManager.setFocused(undefined);
  }
}

describe('model-based: random sequences against the memory server', () => {
  it(`the rendered list equals the server's after ${RUNS} random sequences`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { maxLength: 10 }),
        fc.integer({ min: 0, max: 5 }),
        finale,
        fc.noBias(fc.integer()),
        runSequence,
      ),
      {
        numRuns: RUNS,
        // A bug these sequences once missed: a failed revoke whose refetch fails too must still show the row.
        examples: [
          [
            [
              { kind: 'fail', method: 'revokeSession', code: 'UNKNOWN' },
              { kind: 'fail', method: 'listSessions', code: 'NETWORK' },
              { kind: 'revokeOne', pick: 0 },
            ],
            2,
            { signOutEverywhere: true, failure: 'NETWORK' },
            0,
          ],
        ],
      },
    );
  }, 600_000);
});
