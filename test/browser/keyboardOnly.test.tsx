import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { RevokeAllSessionsButton } from '../../src/components/RevokeAllSessionsButton.js';
import { RevokeOtherSessionsButton } from '../../src/components/RevokeOtherSessionsButton.js';
import { SessionList } from '../../src/components/SessionList.js';
import { createDemoBackend, DEMO_USER } from '../../src/memory/demoBackend.js';
import { SessionsProvider } from '../../src/registry/SessionsProvider.js';
import { createTestQueryClient } from '../../src/testing/createTestQueryClient.js';

function renderSecurityPage(onSignedOut = vi.fn()) {
  const backend = createDemoBackend({
    passwordRequirements: {
      revokeSession: 'required',
      revokeOtherSessions: 'required',
      revokeAllSessions: 'required',
    },
  });
  render(
    <main>
      <h1>Security</h1>
      <SessionsProvider
        dataProvider={backend.provider}
        queryClient={createTestQueryClient()}
        onSignedOut={onSignedOut}
      >
        <SessionList />
        <RevokeOtherSessionsButton />
        <RevokeAllSessionsButton />
      </SessionsProvider>
    </main>,
  );
  return { backend, onSignedOut };
}

/** What a screen reader would call the focused element. */
function focusedName(): string {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return '(body)';
  return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
}

async function tabTo(name: string, limit = 20) {
  for (let i = 0; i < limit; i++) {
    if (focusedName() === name) return;
    await userEvent.keyboard('{Tab}');
  }
  throw new Error(`Tab never reached "${name}"; stopped at "${focusedName()}"`);
}

describe('a keyboard-only user (no mouse) on the Sessions page', () => {
  it('reaches every control in reading order, each with a visible focus ring', async () => {
    renderSecurityPage();
    await expect.element(page.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
    const stops: string[] = [];
    for (let i = 0; i < 12; i++) {
      await userEvent.keyboard('{Tab}');
      const el = document.activeElement as HTMLElement;
      if (el.tagName === 'BUTTON') {
        expect(getComputedStyle(el).outlineStyle, `focus ring on ${focusedName()}`).not.toBe('none');
      }
      stops.push(el.tagName === 'BUTTON' ? focusedName() : 'time');
    }
    expect(stops.filter((s) => s !== 'time')).toEqual([
      'Sign out of this device',
      'Sign out Safari on iPhone',
      'Sign out Firefox on Windows',
      'Sign out Safari on iPad',
      "Sign out Ana's Pixel",
      'Sign out other devices',
      'Sign out everywhere',
    ]);
    // Shift+Tab walks back.
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(focusedName()).toBe('Sign out other devices');
  });

  it('shows the exact time of last activity when it gets focus', async () => {
    renderSecurityPage();
    await expect.element(page.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
    await userEvent.keyboard('{Tab}');
    const tooltip = document.getElementById(document.activeElement?.getAttribute('aria-describedby') ?? '');
    expect(tooltip).toHaveRole('tooltip');
    await expect.element(page.getByRole('tooltip')).toBeVisible();
    expect(tooltip?.textContent).toMatch(/\d{4}/);
    // Escape dismisses it; focus stays on the time.
    const time = document.activeElement;
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('tooltip')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(time);
  });

  it('signs a device out with the password: wrong, Escape, again, right — focus never lost', async () => {
    const { backend } = renderSecurityPage();
    await expect.element(page.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
    await tabTo('Sign out Firefox on Windows');
    const trigger = document.activeElement;

    await userEvent.keyboard('{Enter}');
    const dialog = page.getByRole('alertdialog', { name: 'Sign out Firefox on Windows?' });
    await expect.element(dialog).toBeVisible();
    await expect.poll(() => focusedName()).toBe('');
    expect(document.activeElement).toHaveAttribute('type', 'password');

    await userEvent.keyboard('not it{Enter}');
    await expect.element(dialog.getByRole('alert')).toHaveTextContent('That password is not correct.');
    expect(document.activeElement).toHaveAttribute('type', 'password');

    // Focus is trapped: Tab cycles field → Cancel → Sign out → field.
    await userEvent.keyboard('{Tab}');
    expect(focusedName()).toBe('Cancel');
    await userEvent.keyboard('{Tab}');
    expect(focusedName()).toBe('Sign out');
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toHaveAttribute('type', 'password');

    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    expect(document.activeElement).toBe(trigger);

    await userEvent.keyboard('{Enter}');
    await expect.element(dialog).toBeVisible();
    await userEvent.keyboard(`${DEMO_USER.password}{Enter}`);
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(page.getByText('Firefox on Windows', { exact: true })).not.toBeInTheDocument();
    await expect.element(page.getByRole('status')).toHaveTextContent('Signed out Firefox on Windows');
    // Focus went to the row that took its place, not to <body>.
    await expect.poll(() => focusedName()).toBe('Sign out Safari on iPad');
    expect(backend.sessionsOf(DEMO_USER.email)).toHaveLength(4);
  });

  it('closes with Cancel (Space) and returns focus to the trigger', async () => {
    renderSecurityPage();
    await expect.element(page.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
    await tabTo('Sign out other devices');
    const trigger = document.activeElement;
    await userEvent.keyboard(' ');
    await expect.element(page.getByRole('alertdialog', { name: 'Sign out other devices?' })).toBeVisible();
    await userEvent.keyboard('{Tab}');
    expect(focusedName()).toBe('Cancel');
    await userEvent.keyboard(' ');
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(trigger);
  });

  it('signs out other devices, then everywhere, with Space and Enter only', async () => {
    const { onSignedOut } = renderSecurityPage();
    await expect.element(page.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
    await tabTo('Sign out other devices');
    await userEvent.keyboard(' ');
    await userEvent.keyboard(`${DEMO_USER.password}{Enter}`);
    await expect.element(page.getByText('Signed out of 4 devices', { exact: true }).first()).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Signed in on 1 device' })).toBeVisible();

    await tabTo('Sign out everywhere');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('alertdialog', { name: 'Sign out everywhere?' })).toBeVisible();
    await userEvent.keyboard(`${DEMO_USER.password}{Enter}`);
    await expect.poll(() => onSignedOut.mock.calls.length).toBe(1);
    expect(onSignedOut).toHaveBeenCalledWith({ reason: 'revoked-all' });
  });
});
