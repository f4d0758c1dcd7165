import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DeviceIcon, type DeviceIconProps } from '../../../src/components/DeviceIcon.js';
import { RevokeOtherSessionsButton } from '../../../src/components/RevokeOtherSessionsButton.js';
import { SessionList } from '../../../src/components/SessionList.js';
import { SessionRow, type SessionRowProps } from '../../../src/components/SessionRow.js';
import { SessionsProvider } from '../../../src/registry/SessionsProvider.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';
import { threeDevices } from '../../helpers/backends.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';

function AuditedRow(props: SessionRowProps) {
  return <SessionRow {...props} className="audited" />;
}

describe('the registry', () => {
  it('renders an override of SessionRow that wraps the default inside SessionList', async () => {
    renderWithSessions(<SessionList />, {
      dataProvider: threeDevices().provider,
      components: { SessionRow: AuditedRow },
    });
    const row = (await screen.findByText('Firefox on Windows')).closest('li');
    expect(row).toHaveClass('pk-row', 'audited');
    expect(
      within(row as HTMLElement).getByRole('button', { name: 'Sign out Firefox on Windows' }),
    ).toBeInTheDocument();
  });

  it('takes one-off overrides on SessionList itself', async () => {
    const Icon = (props: DeviceIconProps) => <span data-testid="custom-icon">{props.type}</span>;
    renderWithSessions(<SessionList components={{ DeviceIcon: Icon }} />, {
      dataProvider: threeDevices().provider,
    });
    await screen.findByText('Firefox on Windows');
    expect(screen.getAllByTestId('custom-icon').map((el) => el.textContent)).toEqual([
      'desktop',
      'desktop',
      'mobile',
    ]);
  });

  it('merges nested providers: components, texts and classes, sharing one backend', async () => {
    const backend = threeDevices();
    const Icon = (props: DeviceIconProps) => <DeviceIcon {...props} className="outer-icon" />;
    render(
      <SessionsProvider
        dataProvider={backend.provider}
        components={{ DeviceIcon: Icon }}
        classNames={{ row: 'outer' }}
      >
        <SessionsProvider messages={{ thisDevice: 'You are here' }} classNames={{ row: 'inner' }}>
          <SessionList />
        </SessionsProvider>
      </SessionsProvider>,
    );
    expect(await screen.findByText('You are here')).toBeInTheDocument();
    const row = screen.getByText('You are here').closest('li');
    expect(row).toHaveClass('pk-row', 'outer', 'inner');
    expect(document.querySelectorAll('.outer-icon')).toHaveLength(3);
    // One live region for the shared backend, not one per provider.
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });

  it('drops the kit classes with unstyled but keeps the host classes and data-* state', async () => {
    renderWithSessions(<SessionList />, {
      dataProvider: threeDevices().provider,
      unstyled: true,
      classNames: { row: 'my-row' },
    });
    const row = (await screen.findByText('Firefox on Windows')).closest('li');
    expect(row).toHaveClass('my-row');
    expect(row?.className).toBe('my-row');
    expect(row).toHaveAttribute('data-state', 'idle');
    expect(document.querySelector('[class*="pk-"]')).toBeNull();
  });

  it('overrides some texts and some error messages, keeping the rest', async () => {
    const backend = threeDevices();
    backend.failNext('listSessions', 'NETWORK');
    renderWithSessions(<SessionList />, {
      dataProvider: backend.provider,
      messages: { retry: 'Reload', errors: { NETWORK: () => 'Offline.' } },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Offline.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(await screen.findByRole('heading', { name: 'Signed in on 3 devices' })).toBeInTheDocument();
  });

  it('sets the text direction on the kit and on its portalled dialog', async () => {
    renderWithSessions(
      <>
        <SessionList />
        <RevokeOtherSessionsButton />
      </>,
      { dataProvider: threeDevices().provider, dir: 'rtl' },
    );
    await screen.findByText('Firefox on Windows');
    expect(document.querySelector('.pk-root')).toHaveAttribute('dir', 'rtl');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    expect(screen.getByRole('alertdialog')).toHaveAttribute('dir', 'rtl');
    await expectNoAxeViolations();
  });

  it('says which component needs the provider when used outside it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    // React 18 also rethrows render errors inside a jsdom event, which jsdom prints unless handled.
    const handled = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', handled);
    expect(() => render(<RevokeOtherSessionsButton />)).toThrow(
      '`RevokeOtherSessionsButton` must be used within `SessionsProvider`.',
    );
    expect(() => render(<SessionList />)).toThrow('`SessionList` must be used within `SessionsProvider`.');
    expect(() => render(<SessionsProvider />)).toThrow(
      'The outermost `SessionsProvider` needs a `dataProvider`.',
    );
    window.removeEventListener('error', handled);
    error.mockRestore();
  });

  it('announces through the one live region what happened', async () => {
    renderWithSessions(<SessionList />, { dataProvider: threeDevices().provider });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out Safari on iPhone' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Signed out Safari on iPhone'));
  });
});
