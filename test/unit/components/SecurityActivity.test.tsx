import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ar } from 'date-fns/locale';
import { describe, expect, it, vi } from 'vitest';
import { SecurityActivity } from '../../../src/components/SecurityActivity.js';
import { SessionList } from '../../../src/components/SessionList.js';
import { createMemoryBackend } from '../../../src/memory/createMemoryBackend.js';
import { createDemoBackend, DEMO_USER_AGENTS } from '../../../src/memory/demoBackend.js';
import { arMessages } from '../../../src/messages/index.js';
import type { SessionsDataProvider } from '../../../src/provider/types.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';

const entriesOf = async () =>
  within(await screen.findByRole('list', { name: 'Security activity' })).getAllByRole('listitem');

describe('SecurityActivity', () => {
  it('shows sign-ins newest first, a new device marked, failed attempts grouped, and this device', async () => {
    const backend = createDemoBackend();
    renderWithSessions(<SecurityActivity />, { dataProvider: backend.provider });
    expect(screen.getByRole('heading', { name: 'Recent security activity' })).toBeInTheDocument();
    const items = await entriesOf();
    const texts = items.map((item) => item.textContent ?? '');
    // iPhone (12 min + 1 day ago), Windows (3 h + 1 day), two failures before it, iPad, Android, Mac (3 days).
    expect(texts[0]).toMatch(/^Signed in.*Safari on iPhone/);
    expect(texts[1]).toMatch(/^Signed inNew device.*Firefox on Windows · Berlin, Germany/);
    expect(texts[2]).toMatch(
      /^2 failed sign-in attempts.*Firefox on Windows · Berlin, Germany · as ana@example\.com/,
    );
    const mac = items.find((item) => item.textContent?.includes('This device'));
    expect(mac).toHaveTextContent(/Chrome on macOS.*Still signed in/);
    expect(
      within(items[1] as HTMLElement).getByRole('button', {
        name: 'This wasn’t me: sign out Firefox on Windows',
      }),
    ).toBeInTheDocument();
    // Only the recent sign-in from a new device offers it.
    expect(screen.getAllByRole('button', { name: /This wasn’t me/ })).toHaveLength(1);
    await expectNoAxeViolations();
  });

  it('signs the device out after the password and tells the host, and the entry says so', async () => {
    const backend = createDemoBackend({ passwordRequirements: { revokeSession: 'required' } });
    const onNotMe = vi.fn();
    renderWithSessions(
      <>
        <SessionList />
        <SecurityActivity onNotMe={onNotMe} />
      </>,
      { dataProvider: backend.provider },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'This wasn’t me: sign out Firefox on Windows' }),
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Sign out Firefox on Windows?' });
    await userEvent.type(within(dialog).getByLabelText('Password'), 'wrong{Enter}');
    expect(await within(dialog).findByText(/password is not correct/i)).toBeInTheDocument();
    expect(backend.sessionsOf('ana@example.com').map((s) => s.id)).toContain('ses_windows');
    const field = within(dialog).getByLabelText('Password');
    await userEvent.clear(field);
    await userEvent.type(field, 'correct horse battery{Enter}');
    await waitFor(() => expect(onNotMe).toHaveBeenCalledTimes(1));
    expect(onNotMe.mock.calls[0]?.[0]).toMatchObject({ sessionId: 'ses_windows', kind: 'signed-in' });
    expect(backend.sessionsOf('ana@example.com').map((s) => s.id)).not.toContain('ses_windows');
    expect(await screen.findByText(/That device was signed out/, { selector: 'p' })).toBeInTheDocument();
    await waitFor(async () =>
      expect((await entriesOf())[0]).toHaveTextContent(
        /^Reported as not you and signed out.*Firefox on Windows/,
      ),
    );
    expect(screen.queryByRole('button', { name: /This wasn’t me/ })).not.toBeInTheDocument();
    // The list of devices lost it too.
    await screen.findByRole('heading', { name: 'Signed in on 4 devices' });
  });

  it('pages with Show more, each entry once', async () => {
    const backend = createDemoBackend();
    renderWithSessions(<SecurityActivity pageSize={2} />, { dataProvider: backend.provider });
    expect(await entriesOf()).toHaveLength(2);
    for (let clicks = 0; clicks < 5 && screen.queryByRole('button', { name: 'Show more' }); clicks += 1) {
      const before = (await entriesOf()).length;
      await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
      await waitFor(async () => expect((await entriesOf()).length).toBeGreaterThan(before));
    }
    // 5 sign-ins and one group of 2 failures (which a page boundary may not split into two items).
    const texts = (await entriesOf()).map((item) => item.textContent);
    expect(texts.filter((text) => text?.startsWith('Signed in'))).toHaveLength(5);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('renders hostile text as text and skips malformed entries', async () => {
    const provider: SessionsDataProvider = {
      listSessions: async () => ({ sessions: [] }),
      listActivity: async () => ({
        entries: [
          {
            id: 'a',
            kind: 'signed-in',
            at: '2026-12-01T10:00:00Z',
            device: { name: '<img src=x onerror=alert(1)>' },
          },
          { id: 'b', kind: 'made-up', at: '2026-12-01T09:00:00Z' } as never,
          { id: 'c', kind: 'signed-out', at: 'not a date' },
          { kind: 'signed-out', at: '2026-12-01T08:00:00Z' } as never,
        ],
      }),
    };
    renderWithSessions(<SecurityActivity />, { dataProvider: provider });
    const items = await entriesOf();
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('says when the backend keeps no history', async () => {
    renderWithSessions(<SecurityActivity />, {
      dataProvider: { listSessions: async () => ({ sessions: [] }) },
    });
    expect(await screen.findByText('Security activity is not available.')).toBeInTheDocument();
  });

  it('offers a retry when loading fails, and shows the entries once it works', async () => {
    let fail = true;
    const backend = createMemoryBackend({ users: [{ id: 'u', email: 'u@example.com', password: 'pw' }] });
    const { provider } = backend.signIn({
      email: 'u@example.com',
      password: 'pw',
      userAgent: DEMO_USER_AGENTS.chromeMac,
    });
    const flaky: SessionsDataProvider = {
      ...provider,
      listActivity: (params) => (fail ? Promise.reject(new Error('down')) : provider.listActivity(params)),
    };
    renderWithSessions(<SecurityActivity headingLevel={3} />, { dataProvider: flaky });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your security activity could not be loaded.');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect((await entriesOf())[0]).toHaveTextContent(/^Signed in/);
  });

  it('speaks Arabic right to left with the provider’s locale', async () => {
    const backend = createDemoBackend();
    renderWithSessions(<SecurityActivity />, {
      dataProvider: backend.provider,
      locale: ar,
      dir: 'rtl',
      messages: arMessages,
    });
    const section = (await screen.findByRole('heading', { name: 'نشاط الأمان الأخير' })).closest('section');
    expect(section).toHaveAttribute('dir', 'rtl');
    expect(await screen.findByRole('list', { name: 'نشاط الأمان' })).toBeInTheDocument();
    expect(screen.getByText(/محاولتا تسجيل دخول فاشلتان/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /لم أكن أنا/ })).toBeInTheDocument();
    await expectNoAxeViolations();
  });
});
