import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { de } from 'date-fns/locale';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AdminSessionStats } from '../../../src/admin/components/AdminSessionStats.js';
import { AdminSessionsTable } from '../../../src/admin/components/AdminSessionsTable.js';
import type { AdminSessionsToolbarProps } from '../../../src/admin/components/AdminSessionsToolbar.js';
import { SessionDetails } from '../../../src/admin/components/SessionDetails.js';
import { adminDeMessages } from '../../../src/admin/messages/de.js';
import type { AdminSession, AdminSessionsDataProvider } from '../../../src/admin/provider/types.js';
import { createMemoryBackend } from '../../../src/memory/createMemoryBackend.js';
import { createLargeDemoBackend } from '../../../src/memory/largeDemoBackend.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';
import { renderWithAdmin } from '../../helpers/renderWithSessions.js';

// jsdom lays nothing out; the virtualizer reads the grid's size from client/offset width and height.
const sizes = { clientHeight: 480, clientWidth: 1000, offsetHeight: 480, offsetWidth: 1000 } as const;
const originals = Object.fromEntries(
  Object.keys(sizes).map((key) => [
    key,
    Object.getOwnPropertyDescriptor(HTMLElement.prototype, key) ??
      Object.getOwnPropertyDescriptor(Element.prototype, key),
  ]),
);
beforeAll(() => {
  for (const [key, value] of Object.entries(sizes)) {
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'grid' ? value : 0;
      },
    });
  }
});
afterAll(() => {
  for (const [key, descriptor] of Object.entries(originals)) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
  }
});

function smallBackend() {
  const backend = createMemoryBackend({
    users: [
      { id: 'admin', email: 'admin@example.com', password: 'pw', role: 'admin', name: 'Sam Admin' },
      { id: 'ana', email: 'ana@example.com', password: 'pw', name: 'Ana Lima' },
      { id: 'bob', email: 'bob@example.com', password: 'pw', name: 'Bob Stone' },
    ],
    sessions: [
      {
        id: 'admin-mac',
        user: 'admin',
        userAgent:
          'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      },
      {
        id: 'ana-1',
        user: 'ana',
        ipAddress: '192.0.2.1',
        lastActiveAt: Date.now() - 60_000,
        applicationId: 'web',
      },
      {
        id: 'ana-2',
        user: 'ana',
        ipAddress: '192.0.2.2',
        lastActiveAt: Date.now() - 120_000,
        applicationId: 'mobile',
      },
      { id: 'bob-1', user: 'bob', ipAddress: '198.51.100.9', lastActiveAt: Date.now() - 180_000 },
      {
        id: 'bob-old',
        user: 'bob',
        createdAt: Date.now() - 40 * 86_400_000,
        expiresAt: Date.now() - 86_400_000,
      },
    ],
  });
  return {
    backend,
    admin: backend.adminProviderFor('admin-mac'),
    notAdmin: backend.adminProviderFor('ana-1'),
  };
}

function Console({ onSelect }: { onSelect?: (s: AdminSession) => void }) {
  const [selected, setSelected] = useState<AdminSession | undefined>();
  return (
    <>
      <AdminSessionStats />
      <AdminSessionsTable
        pageSize={2}
        applications={['web', 'mobile']}
        onSelectSession={(s) => {
          setSelected(s);
          onSelect?.(s);
        }}
      />
      <SessionDetails sessionId={selected?.id} onClose={() => setSelected(undefined)} />
    </>
  );
}

const gridRows = (name = 'All sessions') =>
  within(screen.getByRole('grid', { name })).queryAllByRole('row').slice(1);

describe('the admin console', () => {
  it("shows every user's active sessions, the stats, and passes axe", async () => {
    const { admin } = smallBackend();
    renderWithAdmin(<Console />, { dataProvider: admin });
    expect(await screen.findByText('4 sessions')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Active sessions').nextSibling).toHaveTextContent('4'));
    expect(screen.getByText('Signed-in users').nextSibling).toHaveTextContent('3');
    expect(screen.getByText('Expired sessions').nextSibling).toHaveTextContent('1');
    await waitFor(() => expect(gridRows().length).toBeGreaterThanOrEqual(2));
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '5');
    await expectNoAxeViolations();
  });

  it('searches on the server once typing pauses', async () => {
    const { admin } = smallBackend();
    const listAllSessions = vi.spyOn(admin, 'listAllSessions' as never) as unknown as ReturnType<
      typeof vi.fn
    >;
    renderWithAdmin(<Console />, { dataProvider: admin });
    await screen.findByText('4 sessions');
    const calls = listAllSessions.mock.calls.length;
    await userEvent.type(screen.getByLabelText('Search sessions'), 'bob');
    expect(await screen.findByText('1 session')).toBeInTheDocument();
    const searches = listAllSessions.mock.calls
      .slice(calls)
      .map(([params]) => (params as { search?: string }).search);
    expect(searches).toEqual(['bob']);
    expect(within(gridRows()[0] as HTMLElement).getByText('Bob Stone')).toBeInTheDocument();
  });

  it('asks a server for at most its largest page when the host sets a bigger one, and still shows the rows', async () => {
    const { admin } = smallBackend();
    const listAllSessions = vi.spyOn(admin, 'listAllSessions' as never) as unknown as ReturnType<
      typeof vi.fn
    >;
    renderWithAdmin(<AdminSessionsTable pageSize={5_000} />, { dataProvider: admin });
    expect(await screen.findByText('4 sessions')).toBeInTheDocument();
    const limits = listAllSessions.mock.calls.map(([params]) => (params as { limit?: number }).limit);
    expect(new Set(limits)).toEqual(new Set([1_000]));
  });

  it('says "Active now" for a session active this minute, as the user\'s own list does, and minutes after', async () => {
    const { admin } = smallBackend();
    renderWithAdmin(<Console />, { dataProvider: admin });
    await screen.findByText('4 sessions');
    await waitFor(() => expect(gridRows().length).toBeGreaterThanOrEqual(2));
    const rowOf = (text: string) => gridRows().find((row) => within(row).queryByText(text)) as HTMLElement;
    // The admin's own session signed in just now; Ana's latest was active a minute ago (first page of two).
    expect(within(rowOf('Sam Admin')).getByText('Active now')).toBeInTheDocument();
    // The admin's own session carries the mark the user's own list gives it; no other row does.
    expect(within(rowOf('Sam Admin')).getByText('This device')).toBeInTheDocument();
    expect(screen.getAllByText('This device')).toHaveLength(1);
    expect(screen.queryByText(/\d+ seconds? ago/)).not.toBeInTheDocument();
    expect(within(rowOf('Ana Lima')).getByText('1 minute ago')).toBeInTheDocument();
  });

  it('filters by status and application, and sorts by a column', async () => {
    const { admin } = smallBackend();
    renderWithAdmin(<Console />, { dataProvider: admin });
    await screen.findByText('4 sessions');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Expired');
    expect(await screen.findByText('1 session')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Active');
    await userEvent.selectOptions(screen.getByLabelText('Application'), 'mobile');
    expect(await screen.findByText('1 session')).toBeInTheDocument();
    const header = screen.getByRole('columnheader', { name: 'Last active' });
    expect(header).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
  });

  it('loads the next page as the end nears, and moves between rows with the keyboard', async () => {
    const { admin } = smallBackend();
    const onSelect = vi.fn();
    renderWithAdmin(<Console onSelect={onSelect} />, { dataProvider: admin });
    await waitFor(() => expect(gridRows()).toHaveLength(4));
    const [first, second] = gridRows();
    expect(first).toHaveAttribute('tabindex', '0');
    expect(second).toHaveAttribute('tabindex', '-1');
    first?.focus();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(gridRows()[1]).toHaveFocus());
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(gridRows()[3]).toHaveFocus());
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(gridRows()[0]).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'admin-mac' }));
  });

  it("opens a session's details, signs it out, and signs out all of a user's sessions with a count", async () => {
    const { admin, backend } = smallBackend();
    renderWithAdmin(<Console />, { dataProvider: admin });
    await waitFor(() => expect(gridRows()).toHaveLength(4));
    await userEvent.click(within(screen.getByRole('grid')).getAllByText('Ana Lima')[0] as HTMLElement);
    const dialog = await screen.findByRole('dialog', { name: 'Session of ana@example.com' });
    expect(within(dialog).getByText('Token (first 8 characters)').nextSibling?.textContent).toMatch(
      /^[0-9a-f]{8}$/,
    );
    expect(within(dialog).getByText('Valid')).toBeInTheDocument();
    await expectNoAxeViolations();

    await userEvent.click(
      within(dialog).getByRole('button', { name: "Sign out all of this user's sessions" }),
    );
    const confirm = await screen.findByRole('alertdialog', {
      name: 'Sign out every session of ana@example.com?',
    });
    await userEvent.click(
      within(confirm).getByRole('button', { name: "Sign out all of this user's sessions" }),
    );
    expect(await within(dialog).findByText('Signed out 2 sessions')).toBeInTheDocument();
    expect(backend.sessionsOf('ana')).toHaveLength(0);
    await waitFor(() => expect(screen.getByText('2 sessions')).toBeInTheDocument());
  });

  it('says a session no longer exists, instead of failing', async () => {
    const { admin } = smallBackend();
    renderWithAdmin(<SessionDetails sessionId="ses_gone" onClose={() => {}} />, { dataProvider: admin });
    expect(await screen.findByText('This session no longer exists.')).toBeInTheDocument();
  });

  it('tells a non-admin they may not see all sessions', async () => {
    const { notAdmin } = smallBackend();
    renderWithAdmin(<Console />, { dataProvider: notAdmin });
    await waitFor(() =>
      expect(screen.getAllByText('You are not allowed to see all sessions.')).toHaveLength(2),
    );
  });
});

describe("the admin console, by the user half's rules", () => {
  it('keeps the total right after a row of the first of several loaded pages is signed out', async () => {
    const { admin, backend } = smallBackend();
    renderWithAdmin(<Console />, { dataProvider: admin });
    // Two pages of two: every row loaded, the count from the server.
    await waitFor(() => expect(gridRows()).toHaveLength(4));
    expect(screen.getByText('4 sessions')).toBeInTheDocument();
    const firstPageRow = gridRows()[1] as HTMLElement;
    expect(within(firstPageRow).getByText('Ana Lima')).toBeInTheDocument();

    await userEvent.click(firstPageRow);
    const dialog = await screen.findByRole('dialog', { name: 'Session of ana@example.com' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out this session' }));
    // Nothing ends before the admin confirms; Cancel ends nothing.
    const confirm = await screen.findByRole('alertdialog', { name: /^Sign out .+ of ana@example\.com\?$/ });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(backend.allSessions().map((s) => s.id)).toContain('ana-1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out this session' }));
    const again = await screen.findByRole('alertdialog', { name: /^Sign out .+ of ana@example\.com\?$/ });
    await userEvent.click(within(again).getByRole('button', { name: 'Sign out this session' }));
    expect(await within(dialog).findByText('Session signed out.')).toBeInTheDocument();
    // The session is gone; the box still says whose it was.
    expect(screen.getByRole('dialog', { name: 'Session of ana@example.com' })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));

    // Without a refetch: the cached pages say it, and every one agrees.
    expect(await screen.findByText('3 sessions')).toBeInTheDocument();
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '4');
    expect(gridRows()).toHaveLength(3);
    expect(backend.allSessions().map((s) => s.id)).not.toContain('ana-1');
    // Announced from the data layer, through the kit's live region.
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Session signed out.'),
    );
  });

  it('hands UNAUTHORIZED on an admin call to onSignedOut, once, and nothing to onError', async () => {
    const { admin, backend } = smallBackend();
    await backend.endSession('admin-mac');
    const onSignedOut = vi.fn();
    const onError = vi.fn();
    renderWithAdmin(<Console />, { dataProvider: admin, onSignedOut, onError });
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ reason: 'session-ended' }));
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it('reports every failed read to onError once, the stats as much as the list', async () => {
    const { notAdmin } = smallBackend();
    const onError = vi.fn();
    renderWithAdmin(<Console />, { dataProvider: notAdmin, onError });
    await waitFor(() =>
      expect(screen.getAllByText('You are not allowed to see all sessions.')).toHaveLength(2),
    );
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(2));
    expect(onError.mock.calls.map(([error]) => error.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it("speaks German, the kit's shared texts included, with adminDeMessages", async () => {
    const { admin } = smallBackend();
    renderWithAdmin(<Console />, { dataProvider: admin, messages: adminDeMessages, locale: de });
    expect(await screen.findByRole('grid', { name: 'Alle Sitzungen' })).toBeInTheDocument();
    expect(await screen.findByText('4 Sitzungen')).toBeInTheDocument();
    expect(screen.getByText('Aktive Sitzungen')).toBeInTheDocument();
    await waitFor(() => expect(gridRows('Alle Sitzungen')).toHaveLength(4));
    await userEvent.click(within(gridRows('Alle Sitzungen')[1] as HTMLElement).getByText('Ana Lima'));
    const dialog = await screen.findByRole('dialog', { name: 'Sitzung von ana@example.com' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Alle Sitzungen dieses Nutzers abmelden' }),
    );
    // The confirmation is the kit's dialog: its Cancel speaks German too.
    const confirm = await screen.findByRole('alertdialog', {
      name: 'Alle Sitzungen von ana@example.com abmelden?',
    });
    expect(within(confirm).getByRole('button', { name: 'Abbrechen' })).toBeInTheDocument();
  });

  it('takes overrides of its own parts through its provider, typed from the defaults', async () => {
    const { admin } = smallBackend();
    // The table renders its toolbar and rows from the console's registry.
    const Toolbar = (props: AdminSessionsToolbarProps) => <p>{props.total} in all</p>;
    renderWithAdmin(<AdminSessionsTable />, {
      dataProvider: admin,
      components: { AdminSessionsToolbar: Toolbar },
    });
    expect(await screen.findByText('4 in all')).toBeInTheDocument();
    expect(screen.queryByLabelText('Search sessions')).not.toBeInTheDocument();
  });
});

describe('the memory admin provider', () => {
  const signal = () => new AbortController().signal;

  it('pages 100,000 sessions by cursor with a stable total, newest first', async () => {
    const large = createLargeDemoBackend({ sessions: 100_000, users: 2_000 });
    const admin = large.adminProvider as Required<AdminSessionsDataProvider>;
    const first = await admin.listAllSessions({ signal: signal(), limit: 500 });
    const second = await admin.listAllSessions({
      signal: signal(),
      limit: 500,
      cursor: first.nextCursor ?? '',
    });
    expect(first.sessions).toHaveLength(500);
    expect(second.total).toBe(first.total);
    const times = [...first.sessions, ...second.sessions].map((s) => Date.parse(String(s.lastActiveAt)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const stats = await admin.getSessionStats({});
    expect(stats.totalActive).toBe(first.total);
    expect(stats.totalActive).toBe(100_001);
    expect(stats.expired).toBe(5_000);
    expect(first.sessions.every((s) => (s.tokenPreview ?? '').length === 8)).toBe(true);
  });

  it('refuses a non-admin with FORBIDDEN on every admin method', async () => {
    const { notAdmin } = smallBackend();
    const calls = [
      () => notAdmin.listAllSessions?.({ signal: signal(), limit: 10 }),
      () => notAdmin.getSession?.({ sessionId: 'bob-1' }),
      () => notAdmin.revokeUserSessions?.({ userId: 'bob' }),
      () => notAdmin.getSessionStats?.({}),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
