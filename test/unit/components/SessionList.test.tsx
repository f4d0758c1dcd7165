import { onlineManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { de } from 'date-fns/locale';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { SessionList } from '../../../src/components/SessionList.js';
import { DEMO_USER_AGENTS } from '../../../src/memory/demoBackend.js';
import { deMessages } from '../../../src/messages/index.js';
import { SessionsError } from '../../../src/provider/SessionsError.js';
import { createTestDataProvider } from '../../../src/testing/createTestDataProvider.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';
import { threeDevices } from '../../helpers/backends.js';
import { deferred } from '../../helpers/deferred.js';
import { deviceNameOf } from '../../helpers/deviceNameOf.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';

function rowNames() {
  const list = screen.getByRole('list');
  return within(list).getAllByRole('listitem').map(deviceNameOf);
}

describe('SessionList', () => {
  it('shows placeholder rows while loading, then the devices with this one first', async () => {
    const answer = deferred<{ sessions: { id: string; isCurrent?: boolean; userAgent: string }[] }>();
    const dataProvider = createTestDataProvider({ listSessions: () => answer.promise });
    renderWithSessions(<SessionList />, { dataProvider });

    expect(screen.getByText('Loading your devices…')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('list', { name: 'Devices where you are signed in' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    await expectNoAxeViolations();

    answer.resolve({
      sessions: [
        {
          id: 'b',
          userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
        },
        {
          id: 'a',
          isCurrent: true,
          userAgent:
            'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
        },
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Signed in on 2 devices' })).toBeInTheDocument();
    expect(rowNames()).toEqual(['Chrome on macOS', 'Firefox on Windows']);
    expect(screen.getByRole('list', { name: 'Signed in on 2 devices' })).not.toHaveAttribute('aria-busy');
    await expectNoAxeViolations();
  });

  it('names the list without the count heading when showCount is off', async () => {
    renderWithSessions(<SessionList showCount={false} />, { dataProvider: threeDevices().provider });
    expect(await screen.findByRole('list', { name: 'Devices where you are signed in' })).toBeInTheDocument();
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });

  it('uses the heading level the host page needs', async () => {
    renderWithSessions(<SessionList headingLevel={4} />, { dataProvider: threeDevices().provider });
    expect(
      await screen.findByRole('heading', { level: 4, name: 'Signed in on 3 devices' }),
    ).toBeInTheDocument();
  });

  it("shows the count as plain text with headingLevel 'none', the list still named by it", async () => {
    renderWithSessions(<SessionList headingLevel="none" />, { dataProvider: threeDevices().provider });
    expect(await screen.findByRole('list', { name: 'Signed in on 3 devices' })).toBeInTheDocument();
    expect(screen.getByText('Signed in on 3 devices').tagName).toBe('P');
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });

  it('shows only one application when filtered, and an empty state when nothing matches', async () => {
    const backend = threeDevices();
    backend.addSession({ id: 'app-b', user: 'u1', applicationId: 'billing', userAgent: 'curl/8.4.0' });
    const { unmount } = renderWithSessions(<SessionList applicationId="billing" />, {
      dataProvider: backend.provider,
    });
    expect(await screen.findByRole('heading', { name: 'Signed in on 1 device' })).toBeInTheDocument();
    unmount();

    renderWithSessions(<SessionList applicationId="nothing-here" />, { dataProvider: backend.provider });
    expect(await screen.findByText('You are not signed in on any device here.')).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('shows the error with a retry that loads the list', async () => {
    const backend = threeDevices();
    backend.failNext('listSessions', 'NETWORK');
    renderWithSessions(<SessionList />, { dataProvider: backend.provider });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server could not be reached. Check your connection and try again.');
    await expectNoAxeViolations();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Signed in on 3 devices' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks for the password when the backend wants a fresh login, never an empty list', async () => {
    const backend = threeDevices();
    backend.requireReauth('mac');
    renderWithSessions(<SessionList />, { dataProvider: backend.provider });

    const password = await screen.findByLabelText('Password');
    expect(screen.getByText('Confirm it is you')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.queryByText('You are not signed in on any device here.')).not.toBeInTheDocument();
    await expectNoAxeViolations();

    await userEvent.type(password, 'wrong{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('That password is not correct.');
    expect(password).toHaveFocus();
    expect(password).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(password);
    await userEvent.type(password, 'right password{Enter}');
    expect(await screen.findByRole('heading', { name: 'Signed in on 3 devices' })).toBeInTheDocument();
  });

  it('hands re-authentication to the host when the provider cannot confirm a password', async () => {
    let fresh = false;
    const onReauthRequired = vi.fn(() => {
      fresh = true;
    });
    const dataProvider = createTestDataProvider({
      listSessions: () =>
        fresh
          ? Promise.resolve({ sessions: [{ id: 'a', isCurrent: true }] })
          : Promise.reject({ status: 403, code: 'SESSION_NOT_FRESH' }),
    });
    delete dataProvider.reauthenticate;
    renderWithSessions(<SessionList />, { dataProvider, onReauthRequired });

    await userEvent.click(await screen.findByRole('button', { name: 'Confirm it is you' }));
    expect(onReauthRequired).toHaveBeenCalledTimes(1);
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Signed in on 1 device' })).toBeInTheDocument();
  });

  it("tells the host through onError what to pass when the prompt has no way to confirm, and a re-auth's failure too", async () => {
    const onError = vi.fn();
    const dataProvider = createTestDataProvider({
      listSessions: () => Promise.reject({ status: 403, code: 'SESSION_NOT_FRESH' }),
    });
    delete dataProvider.reauthenticate;
    renderWithSessions(<SessionList />, { dataProvider, onError });

    await userEvent.click(await screen.findByRole('button', { name: 'Confirm it is you' }));
    await waitFor(() =>
      expect(onError).toHaveBeenCalledWith(
        expect.objectContaining({ message: expect.stringMatching(/reauthenticate.*onReauthRequired/) }),
      ),
    );
  });

  it('reports a wrong password in the prompt to onError as well as on the page', async () => {
    const onError = vi.fn();
    const backend = threeDevices();
    backend.requireReauth('mac');
    renderWithSessions(<SessionList />, { dataProvider: backend.provider, onError });
    await userEvent.type(await screen.findByLabelText('Password'), 'wrong{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('That password is not correct.');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'INVALID_PASSWORD' }));
  });

  it('says the user is signed out when this session ended elsewhere, and tells the host', async () => {
    const backend = threeDevices();
    await backend.endSession('mac');
    const onSignedOut = vi.fn();
    renderWithSessions(<SessionList />, { dataProvider: backend.provider, onSignedOut });
    expect(await screen.findByText('You are signed out on this device.')).toBeInTheDocument();
    expect(onSignedOut).toHaveBeenCalledWith({ reason: 'session-ended' });
  });

  it('explains when the backend cannot list devices', () => {
    renderWithSessions(<SessionList />, { dataProvider: { revokeOtherSessions: vi.fn() } });
    expect(
      screen.getByText('The list of devices is not available, but you can still sign out of other devices.'),
    ).toBeInTheDocument();
  });

  it('moves focus to the next row when the focused row is signed out', async () => {
    renderWithSessions(<SessionList />, { dataProvider: threeDevices().provider });
    const button = await screen.findByRole('button', { name: 'Sign out Firefox on Windows' });
    button.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Sign out Safari on iPhone' })).toHaveFocus(),
    );
  });

  it('keeps the list and reports a failed refresh beside it', async () => {
    const backend = threeDevices();
    const { queryClient } = renderWithSessions(<SessionList />, { dataProvider: backend.provider });
    await screen.findByRole('heading', { name: 'Signed in on 3 devices' });
    backend.failNext('listSessions', 'UNKNOWN');
    await queryClient.refetchQueries();
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong.');
    expect(rowNames()).toHaveLength(3);
  });

  it('gives every button its own name when two devices share one ("Safari on iPhone", twice)', async () => {
    const backend = threeDevices();
    backend.addSession({
      id: 'iphone-2',
      user: 'u1',
      userAgent: DEMO_USER_AGENTS.safariIphone,
      location: { city: 'Faro', country: 'Portugal' },
      lastActiveAt: Date.now() - 2 * 86_400_000,
    });
    renderWithSessions(<SessionList />, { dataProvider: backend.provider });
    await screen.findByRole('heading', { name: 'Signed in on 4 devices' });
    const names = [
      'Sign out of this device',
      'Sign out Firefox on Windows',
      'Sign out Safari on iPhone (1)',
      'Sign out Safari on iPhone (2)',
    ];
    // getByRole fails when two elements share the name: each of the four buttons has its own.
    expect(screen.getAllByRole('button')).toEqual(names.map((name) => screen.getByRole('button', { name })));
    // The rows still read as the devices they are; the number is for the buttons' names.
    expect(rowNames()).toEqual([
      'Chrome on macOS',
      'Firefox on Windows',
      'Safari on iPhone',
      'Safari on iPhone',
    ]);

    // The second one is signed out: the one left is "Safari on iPhone" again, and its button says so.
    await userEvent.click(screen.getByRole('button', { name: 'Sign out Safari on iPhone (2)' }));
    expect(await screen.findByRole('button', { name: 'Sign out Safari on iPhone' })).toBeInTheDocument();
    await waitFor(() => expect(backend.sessionsOf('u1').map((s) => s.id)).not.toContain('iphone-2'));
  });
});

describe('SessionList offline', () => {
  const OFFLINE = 'Offline — showing what we last saw';
  const rows = [
    { id: 'mac', isCurrent: true, device: { browser: 'Chrome', os: 'macOS' } },
    { id: 'pixel', device: { browser: 'Chrome', os: 'Android' } },
  ];

  it('says it shows the last rows it saw when a refresh cannot reach the server, until one can', async () => {
    const listSessions = vi
      .fn()
      .mockResolvedValueOnce({ sessions: rows })
      .mockRejectedValueOnce(new SessionsError('NETWORK', 'Failed to fetch'))
      .mockResolvedValue({ sessions: rows });
    const { queryClient } = renderWithSessions(<SessionList />, {
      dataProvider: createTestDataProvider({ listSessions }),
    });
    await screen.findByRole('heading', { name: 'Signed in on 2 devices' });
    expect(screen.queryByText(OFFLINE)).not.toBeInTheDocument();

    await queryClient.refetchQueries();
    const note = await screen.findByText(OFFLINE);
    expect(note).toHaveRole('status');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(rowNames()).toEqual(['Chrome on macOS', 'Chrome on Android']);
    expect(screen.getByRole('button', { name: 'Sign out Chrome on Android' })).toBeInTheDocument();
    await expectNoAxeViolations();

    await queryClient.refetchQueries();
    await waitFor(() => expect(screen.queryByText(OFFLINE)).not.toBeInTheDocument());
    expect(rowNames()).toEqual(['Chrome on macOS', 'Chrome on Android']);
  });

  it('says so while the browser is offline and a refresh waits for the network', async () => {
    const listSessions = vi.fn().mockResolvedValue({ sessions: rows });
    const { queryClient } = renderWithSessions(<SessionList />, {
      dataProvider: createTestDataProvider({ listSessions }),
    });
    await screen.findByRole('heading', { name: 'Signed in on 2 devices' });
    onlineManager.setOnline(false);
    onTestFinished(() => onlineManager.setOnline(true));

    void queryClient.refetchQueries();
    expect(await screen.findByText(OFFLINE)).toHaveRole('status');
    expect(rowNames()).toEqual(['Chrome on macOS', 'Chrome on Android']);

    act(() => onlineManager.setOnline(true));
    await waitFor(() => expect(screen.queryByText(OFFLINE)).not.toBeInTheDocument());
    expect(listSessions).toHaveBeenCalledTimes(2);
  });
});

describe('SessionList rows of one name', () => {
  const linux = { browser: 'Chrome', os: 'Linux' };
  const now = Date.now();
  // Local times: they read the same in whatever time zone the tests run.
  const sessions = [
    {
      id: 'here',
      isCurrent: true,
      device: linux,
      ipAddress: '127.0.0.1',
      createdAt: new Date(2026, 11, 3, 14, 5),
      lastActiveAt: now,
    },
    {
      id: 'second',
      device: linux,
      ipAddress: '127.0.0.1',
      createdAt: new Date(2026, 11, 3, 14, 20),
      lastActiveAt: now,
    },
    {
      id: 'third',
      device: linux,
      ipAddress: '127.0.0.1',
      createdAt: new Date(2026, 11, 4, 9, 0),
      lastActiveAt: now,
    },
    {
      id: 'windows',
      device: { browser: 'Firefox', os: 'Windows' },
      ipAddress: '192.0.2.1',
      createdAt: new Date(2026, 10, 20, 8, 30),
      lastActiveAt: now,
    },
  ];

  it('say when each signed in, and a row with a name of its own does not', async () => {
    const dataProvider = createTestDataProvider({ listSessions: async () => ({ sessions }) });
    renderWithSessions(<SessionList />, { dataProvider });
    await screen.findByRole('heading', { name: 'Signed in on 4 devices' });

    expect(rowNames()).toEqual([
      'Chrome on Linux',
      'Chrome on Linux',
      'Chrome on Linux',
      'Firefox on Windows',
    ]);
    const [here, second, third, windows] = within(screen.getByRole('list')).getAllByRole('listitem');
    // The times read in the rows, and they describe the other devices' buttons, so those differ to the ear too.
    expect(within(here as HTMLElement).getByText(/^Signed in Dec 3, 2:05\sPM$/)).toBeVisible();
    expect(within(second as HTMLElement).getByText(/^Signed in Dec 3, 2:20\sPM$/)).toBeVisible();
    expect(within(third as HTMLElement).getByText(/^Signed in Dec 4, 9:00\sAM$/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sign out Chrome on Linux (1)' })).toHaveAccessibleDescription(
      /Signed in Dec 3, 2:20\sPM/,
    );
    expect(screen.getByRole('button', { name: 'Sign out Chrome on Linux (2)' })).toHaveAccessibleDescription(
      /Signed in Dec 4, 9:00\sAM/,
    );
    expect(within(windows as HTMLElement).queryByText(/^Signed in/)).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Sign out Firefox on Windows' }),
    ).not.toHaveAccessibleDescription(/Signed in/);
    await expectNoAxeViolations();
  });

  it('say the second where two of them signed in within one minute', async () => {
    const sameMinute = [
      {
        id: 'here',
        isCurrent: true,
        device: linux,
        createdAt: new Date(2026, 11, 3, 14, 5, 7),
        lastActiveAt: now,
      },
      { id: 'other', device: linux, createdAt: new Date(2026, 11, 3, 14, 5, 41), lastActiveAt: now },
    ];
    const dataProvider = createTestDataProvider({ listSessions: async () => ({ sessions: sameMinute }) });
    renderWithSessions(<SessionList />, { dataProvider });
    await screen.findByRole('heading', { name: 'Signed in on 2 devices' });
    expect(screen.getByText(/^Signed in Dec 3, 2:05:07\sPM$/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sign out Chrome on Linux' })).toHaveAccessibleDescription(
      /Signed in Dec 3, 2:05:41\sPM/,
    );
  });

  it('words the sign-in time in the locale of the texts', async () => {
    const dataProvider = createTestDataProvider({ listSessions: async () => ({ sessions }) });
    renderWithSessions(<SessionList />, { dataProvider, messages: deMessages, locale: de });
    await screen.findByRole('heading', { name: 'Auf 4 Geräten angemeldet' });
    expect(screen.getByText('Angemeldet am 3. Dez., 14:05')).toBeVisible();
    expect(screen.getByText('Angemeldet am 4. Dez., 9:00')).toBeVisible();
  });
});
