import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RevokeAllSessionsButton } from '../../../src/components/RevokeAllSessionsButton.js';
import { RevokeOtherSessionsButton } from '../../../src/components/RevokeOtherSessionsButton.js';
import { SessionList } from '../../../src/components/SessionList.js';
import { createMemoryBackend } from '../../../src/memory/createMemoryBackend.js';
import { DEMO_USER_AGENTS } from '../../../src/memory/demoBackend.js';
import type { SessionsError } from '../../../src/provider/SessionsError.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';

// Distinct strings, so any copy of either one anywhere is found.
const RIGHT = 'Right-9c2e-s3cret-passphrase';
const WRONG = 'Wrong-7f3a-s3cret-passphrase';
const SECRETS = [RIGHT, WRONG];

/** Everything printable about a value, errors' messages and causes included (JSON drops them). */
function dump(value: unknown, seen = new Set<unknown>()): string {
  if (value === null || typeof value !== 'object') return String(value);
  if (seen.has(value)) return '';
  seen.add(value);
  const own = Object.getOwnPropertyNames(value).map(
    (key) => `${key}:${dump((value as Record<string, unknown>)[key], seen)}`,
  );
  return `${value instanceof Error ? `${value.name} ${value.message}` : ''}{${own.join(',')}}`;
}

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
afterEach(() => vi.restoreAllMocks());

describe('the password typed into a dialog is kept nowhere', () => {
  it('after re-auth, revoke one, revoke others and sign out everywhere, wrong password first each time', async () => {
    const printed = consoleMethods.map((method) => vi.spyOn(console, method));
    const backend = createMemoryBackend({
      users: [{ id: 'u1', email: 'ana@example.com', password: RIGHT }],
      sessions: [
        { id: 'mac', user: 'u1', userAgent: DEMO_USER_AGENTS.chromeMac },
        { id: 'windows', user: 'u1', userAgent: DEMO_USER_AGENTS.firefoxWindows },
        { id: 'iphone', user: 'u1', userAgent: DEMO_USER_AGENTS.safariIphone },
        { id: 'ipad', user: 'u1', userAgent: DEMO_USER_AGENTS.safariIpad },
      ],
      passwordRequirements: {
        revokeSession: 'required',
        revokeOtherSessions: 'required',
        revokeAllSessions: 'required',
      },
    });
    backend.requireReauth('mac');
    const errors: SessionsError[] = [];
    const onSignedOut = vi.fn();
    const { queryClient } = renderWithSessions(
      <>
        <SessionList />
        <RevokeOtherSessionsButton />
        <RevokeAllSessionsButton />
      </>,
      { dataProvider: backend.providerFor('mac'), onError: (e) => errors.push(e), onSignedOut },
    );
    const user = userEvent.setup();

    /** Types the wrong password, sees the error, then the right one, into whichever field is open. */
    async function wrongThenRight(submit: string) {
      const field = await screen.findByLabelText('Password');
      await user.type(field, WRONG);
      await user.click(screen.getByRole('button', { name: submit }));
      expect(await screen.findByText('That password is not correct.')).toBeInTheDocument();
      await user.clear(screen.getByLabelText('Password'));
      await user.type(screen.getByLabelText('Password'), RIGHT);
      await user.click(screen.getByRole('button', { name: submit }));
    }

    // 1. The server wants a fresh login before it lists anything.
    await wrongThenRight('Confirm');
    const list = await screen.findByRole('list', { name: 'Signed in on 4 devices' });

    // 2. One device, with the password.
    await user.click(within(list).getByRole('button', { name: 'Sign out Firefox on Windows' }));
    await wrongThenRight('Sign out');
    await waitFor(() => expect(screen.queryByText('Firefox on Windows')).not.toBeInTheDocument());

    // 3. Every other device.
    await user.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    await wrongThenRight('Sign out other devices');
    expect((await screen.findAllByText('Signed out of 2 devices')).length).toBeGreaterThan(0);

    // 4. Everywhere, this device included.
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await wrongThenRight('Sign out everywhere');
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const places = {
      'the DOM': document.documentElement.outerHTML,
      'form fields': [...document.querySelectorAll('input')].map((input) => input.value).join('|'),
      'the query cache': dump(
        queryClient
          .getQueryCache()
          .getAll()
          .map((q) => q.state),
      ),
      'the mutation cache': dump(
        queryClient
          .getMutationCache()
          .getAll()
          .map((m) => m.state),
      ),
      'errors reported to the host': dump(errors),
      'console output': dump(printed.map((spy) => spy.mock.calls)),
    };
    // The checks can see: the caches did record these flows.
    expect(places['the mutation cache']).toContain('windows');
    expect(errors.map((e) => e.code)).toContain('INVALID_PASSWORD');
    for (const [place, text] of Object.entries(places)) {
      for (const secret of SECRETS)
        expect({ place, leaked: text.includes(secret) }).toEqual({ place, leaked: false });
    }
  });
});
