import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RevokeAllButton } from '../../../src/components/RevokeAllButton.js';
import { RevokeAllSessionsButton } from '../../../src/components/RevokeAllSessionsButton.js';
import { RevokeOtherSessionsButton } from '../../../src/components/RevokeOtherSessionsButton.js';
import { SessionList } from '../../../src/components/SessionList.js';
import { createDemoBackend } from '../../../src/memory/demoBackend.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';
import { threeDevices } from '../../helpers/backends.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';

describe('RevokeOtherSessionsButton and RevokeAllSessionsButton', () => {
  it('signs out other devices after the password, and shows how many', async () => {
    const backend = createDemoBackend({ passwordRequirements: { revokeOtherSessions: 'required' } });
    renderWithSessions(
      <>
        <SessionList />
        <RevokeOtherSessionsButton />
      </>,
      { dataProvider: backend.provider },
    );
    await screen.findByRole('heading', { name: 'Signed in on 5 devices' });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Sign out other devices?' });
    expect(dialog).toHaveAccessibleDescription(
      'Every device except this one will be signed out at once. Enter your password to confirm.',
    );
    await expectNoAxeViolations();
    await userEvent.type(within(dialog).getByLabelText('Password'), 'correct horse battery{Enter}');

    expect(await screen.findByText('Signed out of 4 devices', { selector: 'p' })).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Signed in on 1 device' })).toBeInTheDocument(),
    );
    expect(backend.sessionsOf('ana@example.com')).toHaveLength(1);
    await waitFor(() =>
      expect(screen.getAllByRole('status').at(-1)).toHaveTextContent('Signed out of 4 devices'),
    );
  });

  it('confirms without a password field when the provider does not ask for one', async () => {
    const backend = threeDevices();
    renderWithSessions(<RevokeOtherSessionsButton />, { dataProvider: backend.provider });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out other devices' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Sign out other devices?' });
    expect(within(dialog).queryByLabelText('Password')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out other devices' }));
    expect(await screen.findByText('Signed out of 2 devices', { selector: 'p' })).toBeInTheDocument();
  });

  it('is disabled, with the reason, when no other device is signed in', async () => {
    const backend = threeDevices();
    await backend.endSession('windows');
    await backend.endSession('iphone');
    renderWithSessions(<RevokeOtherSessionsButton />, { dataProvider: backend.provider });
    const button = await screen.findByRole('button', { name: 'Sign out other devices' });
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
    expect(button).toHaveAccessibleDescription('No other devices are signed in.');
    await userEvent.click(button);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('works when the provider cannot list sessions', async () => {
    const revokeOtherSessions = vi.fn(() => Promise.resolve({ revokedCount: 7 }));
    renderWithSessions(<RevokeOtherSessionsButton />, { dataProvider: { revokeOtherSessions } });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    await userEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Sign out other devices' }),
    );
    expect(await screen.findByText('Signed out of 7 devices', { selector: 'p' })).toBeInTheDocument();
  });

  it('says "every other device", never a number, when the backend signs them out without counting', async () => {
    const onRevoked = vi.fn();
    renderWithSessions(<RevokeOtherSessionsButton onRevoked={onRevoked} />, {
      dataProvider: { revokeOtherSessions: () => Promise.resolve({ revokedCount: null }) },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    await userEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Sign out other devices' }),
    );
    expect(
      await screen.findByText('Signed out of every other device.', { selector: 'p' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByRole('status').at(-1)).toHaveTextContent('Signed out of every other device.'),
    );
    expect(onRevoked).toHaveBeenCalledWith({ revokedCount: null });
  });

  it('signs out everywhere and hands over to the host', async () => {
    const backend = threeDevices({ passwordRequirements: { revokeAllSessions: 'required' } });
    const onSignedOut = vi.fn();
    const { queryClient } = renderWithSessions(<RevokeAllSessionsButton />, {
      dataProvider: backend.provider,
      onSignedOut,
    });
    // The server's policy has arrived (a page with a list has it with the rows).
    const policyKnown = () =>
      queryClient
        .getQueryCache()
        .getAll()
        .some((query) => query.queryKey.at(-1) === 'policy' && query.state.data !== undefined);
    await waitFor(() => expect(policyKnown()).toBe(true));
    await userEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Sign out everywhere?' });
    await userEvent.type(within(dialog).getByLabelText('Password'), 'right password{Enter}');
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ reason: 'revoked-all' }));
    expect(backend.sessionsOf('u1')).toHaveLength(0);
  });

  it('renders the host element with asChild', async () => {
    renderWithSessions(
      <RevokeOtherSessionsButton asChild>
        <a href="#sign-out">Log out all other browser sessions</a>
      </RevokeOtherSessionsButton>,
      { dataProvider: threeDevices().provider },
    );
    const link = screen.getByRole('link', { name: 'Log out all other browser sessions' });
    expect(link).toHaveAttribute('data-variant', 'destructive');
    await userEvent.click(link);
    expect(screen.getByRole('alertdialog', { name: 'Sign out other devices?' })).toBeInTheDocument();
  });

  it('is not there when the provider cannot do it', () => {
    renderWithSessions(<RevokeAllSessionsButton />, { dataProvider: { revokeOtherSessions: vi.fn() } });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('RevokeAllButton', () => {
  it('signs out every other device by default, and this one too with includeThisDevice', async () => {
    const backend = threeDevices();
    const onSignedOut = vi.fn();
    renderWithSessions(
      <>
        <RevokeAllButton />
        <RevokeAllButton includeThisDevice />
      </>,
      { dataProvider: backend.provider, onSignedOut },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    const others = screen.getByRole('alertdialog', { name: 'Sign out other devices?' });
    await userEvent.click(within(others).getByRole('button', { name: 'Sign out other devices' }));
    expect(await screen.findByText('Signed out of 2 devices', { selector: 'p' })).toBeInTheDocument();
    expect(backend.sessionsOf('u1')).toHaveLength(1);
    expect(onSignedOut).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    const everywhere = screen.getByRole('alertdialog', { name: 'Sign out everywhere?' });
    await userEvent.click(within(everywhere).getByRole('button', { name: 'Sign out everywhere' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ reason: 'revoked-all' }));
    expect(backend.sessionsOf('u1')).toHaveLength(0);
  });

  it("renders the registry's button, so an override of it reaches this one", () => {
    renderWithSessions(<RevokeAllButton />, {
      dataProvider: threeDevices().provider,
      components: { RevokeOtherSessionsButton: () => <button type="button">Host sign-out</button> },
    });
    expect(screen.getByRole('button', { name: 'Host sign-out' })).toBeInTheDocument();
  });
});
