import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { de } from 'date-fns/locale';
import { describe, expect, it, vi } from 'vitest';
import { DeviceIcon } from '../../../src/components/DeviceIcon.js';
import { SessionList } from '../../../src/components/SessionList.js';
import { SessionRow } from '../../../src/components/SessionRow.js';
import { createMemoryBackend } from '../../../src/memory/createMemoryBackend.js';
import type { Session } from '../../../src/provider/types.js';
import { createTestDataProvider } from '../../../src/testing/createTestDataProvider.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';
import { threeDevices } from '../../helpers/backends.js';
import { deferred } from '../../helpers/deferred.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';

function renderRow(
  session: Partial<Session> & { id: string },
  options: Parameters<typeof renderWithSessions>[1],
) {
  const full: Session = { isCurrent: false, trusted: false, ...session };
  return renderWithSessions(
    <ul>
      <SessionRow session={full} />
    </ul>,
    options,
  );
}

const provider = () => createTestDataProvider({ listSessions: () => Promise.resolve({ sessions: [] }) });

describe('SessionRow', () => {
  it('names the device from the user agent, shows the place, last activity and badges', async () => {
    renderWithSessions(<SessionList />, { dataProvider: threeDevices().provider });
    const mac = (await screen.findByText('Chrome on macOS')).closest('li') as HTMLElement;
    expect(within(mac).getByText('This device')).toBeInTheDocument();
    expect(within(mac).getByText('Trusted')).toBeInTheDocument();
    expect(within(mac).getByText('Lisbon, Portugal')).toBeInTheDocument();
    expect(within(mac).getByText('Active now')).toBeInTheDocument();
    expect(mac).toHaveAttribute('data-current', '');
    expect(mac).toHaveAttribute('data-state', 'idle');

    const windows = screen.getByText('Firefox on Windows').closest('li') as HTMLElement;
    expect(within(windows).getByText('IP 192.0.2.145')).toBeInTheDocument();
    expect(within(windows).getByText('Active 3 hours ago')).toBeInTheDocument();
    expect(within(windows).queryByText('This device')).not.toBeInTheDocument();
    expect(windows).not.toHaveAttribute('data-current');
    // Its button is described by the row's place and time.
    expect(
      within(windows).getByRole('button', { name: 'Sign out Firefox on Windows' }),
    ).toHaveAccessibleDescription(/IP 192\.0\.2\.145/);
    await expectNoAxeViolations();
  });

  it("prefers the server's device name and type over parsing the agent", () => {
    renderRow(
      {
        id: 'x',
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
        device: { name: "Ana's Pixel", type: 'mobile' },
      },
      { dataProvider: provider() },
    );
    expect(screen.getByText("Ana's Pixel")).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveAttribute('data-device-type', 'mobile');
    expect(screen.getByRole('button', { name: "Sign out Ana's Pixel" })).toBeInTheDocument();
  });

  it('falls back to "Unknown device" and shows neither place nor IP when there is none', () => {
    renderRow({ id: 'x', userAgent: 'zzz' }, { dataProvider: provider() });
    expect(screen.getByText('Unknown device')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out Unknown device' })).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveAttribute('data-device-type', 'unknown');
  });

  it('picks the icon from the device type: phone, tablet, desktop', async () => {
    renderWithSessions(<SessionList />, { dataProvider: threeDevices().provider });
    await screen.findByText('Safari on iPhone');
    const types = screen.getAllByRole('listitem').map((row) => row.getAttribute('data-device-type'));
    expect(types).toEqual(['desktop', 'desktop', 'mobile']);
    // The glyph is the stylesheet's: no element to read out, nothing for a screen reader.
    expect(document.querySelector('svg')).toBeNull();
  });

  it("renders a host's DeviceIcon in the glyph's place, and the default SVG when asked for", () => {
    renderRow(
      { id: 'x', device: { name: 'Work laptop', type: 'desktop' } },
      {
        dataProvider: provider(),
        components: { DeviceIcon: (props) => <DeviceIcon {...props} className="host-icon" /> },
      },
    );
    const row = screen.getByRole('listitem');
    expect(row.querySelector('svg.host-icon')).toHaveAttribute('aria-hidden', 'true');
    expect(row.querySelector('svg')).toHaveAttribute('data-device-type', 'desktop');
  });

  it('shows last activity in the app locale with the exact time on focus', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000 - 60_000);
    renderRow({ id: 'x', lastActiveAt: twoHoursAgo }, { dataProvider: provider(), locale: de });
    const relative = screen.getByText('Active vor 2 Stunden');
    expect(relative).toHaveAttribute('datetime', twoHoursAgo.toISOString());
    // No tooltip until asked for: a long list carries none.
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    await userEvent.tab();
    expect(relative).toHaveFocus();
    const tooltip = screen.getByRole('tooltip');
    expect(relative).toHaveAccessibleDescription(tooltip.textContent ?? '');
    expect(tooltip.textContent).toContain(String(twoHoursAgo.getFullYear()));
    // Escape dismisses it without moving focus; leaving takes it away.
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    expect(relative).toHaveFocus();
    await userEvent.hover(relative);
    expect(screen.getByRole('tooltip')).toHaveTextContent(String(twoHoursAgo.getFullYear()));
    await userEvent.unhover(relative);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('renders hostile strings as text', () => {
    renderRow(
      {
        id: 'x',
        device: { name: '<img src=x onerror="window.__pwned=1">' },
        location: { city: '<script>window.__pwned=1</script>' },
      },
      { dataProvider: provider() },
    );
    expect(screen.getByText('<img src=x onerror="window.__pwned=1">')).toBeInTheDocument();
    expect(screen.getByText('<script>window.__pwned=1</script>')).toBeInTheDocument();
    expect(document.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('signs another device out at once, and says so', async () => {
    const backend = threeDevices();
    renderWithSessions(<SessionList />, { dataProvider: backend.provider });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out Firefox on Windows' }));
    expect(screen.queryByText('Firefox on Windows')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Signed out Firefox on Windows'),
    );
    expect(
      backend
        .sessionsOf('u1')
        .map((s) => s.id)
        .sort(),
    ).toEqual(['iphone', 'mac']);
  });

  it('puts a row back with its error when the server refuses, with data-state="error"', async () => {
    const backend = threeDevices();
    backend.failNext('revokeSession', 'FORBIDDEN');
    renderWithSessions(<SessionList />, { dataProvider: backend.provider });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out Firefox on Windows' }));
    const message = await within(screen.getByRole('list')).findByText(
      'Could not sign out Firefox on Windows. You are not allowed to do that.',
    );
    expect(message.closest('li')).toHaveAttribute('data-state', 'error');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Could not sign out Firefox on Windows.'),
    );
    await expectNoAxeViolations();
  });

  it('shows data-state="revoking" while a password-confirmed sign-out waits for the server', async () => {
    const gate = deferred();
    const backend = threeDevices({ passwordRequirements: { revokeSession: 'required' } });
    const revokeSession = backend.provider.revokeSession;
    backend.provider.revokeSession = async (params) => {
      await gate.promise;
      return revokeSession?.(params);
    };
    renderWithSessions(<SessionList />, { dataProvider: backend.provider });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out Firefox on Windows' }));
    await userEvent.type(await screen.findByLabelText('Password'), 'right password{Enter}');
    const row = screen.getByText('Firefox on Windows').closest('li');
    expect(row).toHaveAttribute('data-state', 'revoking');
    gate.resolve();
    await waitFor(() => expect(screen.queryByText('Firefox on Windows')).not.toBeInTheDocument());
  });

  it('offers "Sign out" of this device on the current row, which signs out through the host', async () => {
    const backend = threeDevices();
    const onSignedOut = vi.fn();
    renderWithSessions(<SessionList />, { dataProvider: backend.provider, onSignedOut });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out of this device' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ reason: 'signed-out' }));
    // This device signed itself out; the others stay signed in.
    expect(
      backend
        .sessionsOf('u1')
        .map((s) => s.id)
        .sort(),
    ).toEqual(['iphone', 'windows']);
  });

  it('never offers to revoke the current session as another device', async () => {
    renderWithSessions(<SessionList />, { dataProvider: threeDevices().provider });
    await screen.findByText('Chrome on macOS');
    expect(screen.queryByRole('button', { name: 'Sign out Chrome on macOS' })).not.toBeInTheDocument();
  });

  it('hides sign-out buttons the provider cannot perform', async () => {
    const backend = createMemoryBackend({
      users: [{ id: 'u', email: 'a@b.c', password: 'p' }],
      sessions: [
        { id: 'a', user: 'u' },
        { id: 'b', user: 'u', userAgent: 'curl/8.4.0' },
      ],
    });
    const { listSessions } = backend.providerFor('a');
    renderWithSessions(<SessionList />, { dataProvider: { listSessions } });
    await screen.findByRole('heading', { name: 'Signed in on 2 devices' });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
