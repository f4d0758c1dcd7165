// @vitest-environment jsdom
/**
 * Issue 22, as the tester met it: the kit's page on a real Better Auth whose session is two days old (its
 * default freshAge is one), with the adapter's default options. Only Date is faked.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBetterAuthSessionsProvider } from '../../../src/better-auth/createBetterAuthSessionsProvider.js';
import { RevokeAllButton } from '../../../src/components/RevokeAllButton.js';
import { SessionList } from '../../../src/components/SessionList.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';
import { DEFAULT_FRESH_AGE_MS, startBetterAuth } from './betterAuthHarness.js';

// A wait for the page ends when it shows; the limit is only when to give up on a loaded machine.
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function stalePage(page: 'others' | 'everywhere') {
  const ba = await startBetterAuth();
  const a = await ba.device(
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15',
  );
  const b = await ba.device(
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
  );
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 2 * DEFAULT_FRESH_AGE_MS);
  const onError = vi.fn();
  const onSignedOut = vi.fn();
  renderWithSessions(
    <>
      <SessionList showCount />
      <RevokeAllButton includeThisDevice={page === 'everywhere'} />
    </>,
    { dataProvider: createBetterAuthSessionsProvider({ client: a.client }), onError, onSignedOut },
  );
  return { ba, a, b, onError, onSignedOut, user: userEvent.setup() };
}

describe('the Sessions page on a Better Auth session older than its freshAge', () => {
  it('signs the other devices out from the prompt, then takes the password: a wrong one is said, the right one lists', async () => {
    const { ba, b, onError, user } = await stalePage('others');
    await screen.findByLabelText('Password');
    expect(screen.getByText('Confirm it is you')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Sign out other devices?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out other devices' }));
    expect(
      await screen.findByText('Signed out of every other device.', { selector: 'p' }),
    ).toBeInTheDocument();
    expect((await b.client.getSession()).data).toBeNull();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());

    // The list asked again once the others were out, and still wants the password.
    await user.type(await screen.findByLabelText('Password'), 'not my password{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('That password is not correct.');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'INVALID_PASSWORD' }));
    expect(await ba.sessionsOf()).toHaveLength(1);

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), `${ba.credentials.password}{Enter}`);
    expect(await screen.findByRole('heading', { name: 'Signed in on 1 device' })).toBeInTheDocument();
    expect(screen.getByText('This device')).toBeInTheDocument();
    expect(await ba.sessionsOf()).toHaveLength(1);
  });

  it('signs out everywhere, this device included, and hands the user to the host', async () => {
    const { ba, a, b, onSignedOut, user } = await stalePage('everywhere');
    await screen.findByLabelText('Password');
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Sign out everywhere?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ reason: 'revoked-all' }));
    expect((await a.client.getSession()).data).toBeNull();
    expect((await b.client.getSession()).data).toBeNull();
    expect(await ba.sessionsOf()).toEqual([]);
  });
});
