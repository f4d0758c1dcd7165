import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { PasswordConfirmDialog } from '../../../src/components/PasswordConfirmDialog.js';
import { SessionsError } from '../../../src/provider/SessionsError.js';
import { createTestDataProvider } from '../../../src/testing/createTestDataProvider.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';
import { deferred } from '../../helpers/deferred.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';

const dataProvider = createTestDataProvider();

function renderDialog(onConfirm: (password: string | undefined) => unknown, requirePassword = true) {
  return renderWithSessions(
    <PasswordConfirmDialog
      trigger={<button type="button">Sign out other devices</button>}
      title="Sign out other devices?"
      description="Every device except this one will be signed out."
      requirePassword={requirePassword}
      onConfirm={onConfirm}
    />,
    { dataProvider },
  );
}

describe('PasswordConfirmDialog', () => {
  it('opens as an alert dialog with the password field focused', async () => {
    renderDialog(vi.fn());
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Sign out other devices?' });
    expect(dialog).toHaveAccessibleDescription(
      'Every device except this one will be signed out. Enter your password to confirm.',
    );
    const field = within(dialog).getByLabelText('Password');
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('type', 'password');
    expect(field).toHaveAttribute('autocomplete', 'current-password');
    await expectNoAxeViolations();
  });

  it('submits with Enter and closes when the action succeeds, focus back on the trigger', async () => {
    const onConfirm = vi.fn(() => Promise.resolve());
    renderDialog(onConfirm);
    const trigger = screen.getByRole('button', { name: 'Sign out other devices' });
    await userEvent.click(trigger);
    await userEvent.keyboard('s3cret{Enter}');
    expect(onConfirm).toHaveBeenCalledWith('s3cret');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
    expect(document.querySelector('input[type="password"]')).toBeNull();
  });

  it('stays open on a wrong password, says so, and hands the field back selected', async () => {
    const onConfirm = vi.fn(() => Promise.reject(new SessionsError('INVALID_PASSWORD')));
    renderDialog(onConfirm);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    await userEvent.keyboard('wrong{Enter}');
    const dialog = screen.getByRole('alertdialog');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That password is not correct.');
    const field = within(dialog).getByLabelText('Password') as HTMLInputElement;
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('That password is not correct.');
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'wrong'.length]);
    await expectNoAxeViolations();
  });

  it('shows how long to wait when rate limited', async () => {
    renderDialog(() => Promise.reject(new SessionsError('RATE_LIMITED', undefined, { retryAfter: 30 })));
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    await userEvent.keyboard('x{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 30 seconds.');
  });

  it('cannot be dismissed while the action runs, and runs it once for repeated Enter', async () => {
    const gate = deferred();
    const onConfirm = vi.fn(() => gate.promise);
    renderDialog(onConfirm);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    await userEvent.keyboard('pw{Enter}{Enter}{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Signing out…' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    gate.resolve();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  });

  it('returns focus to the trigger on Escape and on Cancel, and forgets the typed password', async () => {
    renderDialog(vi.fn());
    const trigger = screen.getByRole('button', { name: 'Sign out other devices' });
    await userEvent.click(trigger);
    await userEvent.keyboard('typed-secret{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
    expect(document.body.innerHTML).not.toContain('typed-secret');

    await userEvent.click(trigger);
    expect(screen.getByLabelText('Password')).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(trigger).toHaveFocus();
  });

  it('does not close on a click outside', async () => {
    renderDialog(vi.fn());
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    const overlay = document.querySelector('.pk-overlay') as HTMLElement;
    await userEvent.click(overlay);
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });

  it('does not submit an empty password', async () => {
    const onConfirm = vi.fn();
    renderDialog(onConfirm);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out other devices' }));
    await userEvent.keyboard('{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Password')).toHaveFocus();
  });

  it('can be controlled by the host', async () => {
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Open from elsewhere
          </button>
          <p>Host sees: {open ? 'open' : 'closed'}</p>
          <PasswordConfirmDialog
            open={open}
            onOpenChange={setOpen}
            title="Sign out everywhere?"
            description="All devices."
            requirePassword={false}
            onConfirm={() => Promise.resolve()}
          />
        </>
      );
    }
    renderWithSessions(<Host />, { dataProvider });
    await userEvent.click(screen.getByRole('button', { name: 'Open from elsewhere' }));
    expect(screen.getByRole('alertdialog', { name: 'Sign out everywhere?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getByText('Host sees: closed')).toBeInTheDocument());
  });
});
