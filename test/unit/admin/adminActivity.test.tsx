import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AdminActivity } from '../../../src/admin/components/AdminActivity.js';
import { AdminActivityChart } from '../../../src/admin/components/AdminActivityChart.js';
import { SessionDetails } from '../../../src/admin/components/SessionDetails.js';
import type { AdminSessionsDataProvider } from '../../../src/admin/provider/types.js';
import { createMemoryBackend } from '../../../src/memory/createMemoryBackend.js';
import { DEMO_USER_AGENTS } from '../../../src/memory/demoBackend.js';
import { expectNoAxeViolations } from '../../helpers/axe.js';
import { renderWithAdmin } from '../../helpers/renderWithSessions.js';

const HOUR = 3_600_000;

function backendWithHistory() {
  const now = Date.now();
  const backend = createMemoryBackend({
    users: [
      { id: 'admin', email: 'admin@example.com', password: 'pw', role: 'admin' },
      { id: 'ana', email: 'ana@example.com', password: 'pw', name: 'Ana Lima' },
    ],
    sessions: [
      { id: 'admin-mac', user: 'admin', userAgent: DEMO_USER_AGENTS.chromeMac, createdAt: now - 3 * HOUR },
      { id: 'ana-pc', user: 'ana', userAgent: DEMO_USER_AGENTS.firefoxWindows, createdAt: now - 2 * HOUR },
    ],
  });
  backend.addFailedSignIn({
    email: 'ana@example.com',
    userAgent: DEMO_USER_AGENTS.safariIphone,
    at: now - HOUR,
  });
  backend.addFailedSignIn({ email: 'nobody@example.com', ipAddress: '192.0.2.9', at: now - HOUR / 2 });
  return { ...backend, admin: backend.adminProviderFor('admin-mac') };
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('the admin console’s authentication log', () => {
  it('lists every account’s entries newest first, with the account, what happened and where', async () => {
    const backend = backendWithHistory();
    renderWithAdmin(<AdminActivity />, { dataProvider: backend.admin });
    const table = await screen.findByRole('table', { name: 'Activity' });
    const rows = rowsOf(table).map((row) => row.textContent);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/No accountFailed sign-in attempt as nobody@example\.com.*192\.0\.2\.9/);
    expect(rows[1]).toMatch(/ana@example\.comFailed sign-in attempt as ana@example\.comSafari on iPhone/);
    expect(rows[2]).toMatch(/ana@example\.comSigned inFirefox on Windows/);
    expect(rows[3]).toMatch(/admin@example\.comSigned inChrome on macOS/);
    await expectNoAxeViolations();
  });

  it('shows one account’s history in a session’s details', async () => {
    const backend = backendWithHistory();
    renderWithAdmin(<SessionDetails sessionId="ana-pc" onClose={() => {}} />, {
      dataProvider: backend.admin,
    });
    const dialog = await screen.findByRole('dialog');
    const table = await within(dialog).findByRole('table', { name: 'Recent activity of this account' });
    expect(rowsOf(table).map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^.*Failed sign-in attempt as ana@example\.com/),
      expect.stringMatching(/^.*Signed in.*Firefox on Windows/),
    ]);
    // No account column where the account is the dialog's own.
    expect(within(table).queryByRole('columnheader', { name: 'Account' })).not.toBeInTheDocument();
  });

  it('draws 30 days of sign-ins and failed sign-ins, with a table for screen readers', async () => {
    const backend = backendWithHistory();
    renderWithAdmin(<AdminActivityChart />, { dataProvider: backend.admin });
    const table = await screen.findByRole('table', { name: 'Sign-ins, last 30 days' });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(30));
    // Both sign-ins and both failures happened within the last three hours (today, or yesterday too).
    const totals = [0, 0];
    for (const row of rowsOf(table)) {
      within(row)
        .getAllByRole('cell')
        .forEach((cell, column) => {
          totals[column] = (totals[column] ?? 0) + Number(cell.textContent);
        });
    }
    expect(totals).toEqual([2, 2]);
    expect(
      rowsOf(table)
        .slice(0, -2)
        .every((row) => /00$/.test(row.textContent ?? '')),
    ).toBe(true);
    expect(document.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    await expectNoAxeViolations();
  });

  it('renders nothing where the backend keeps no log', async () => {
    const bare: AdminSessionsDataProvider = {
      getSessionStats: async () => ({ totalActive: 0, uniqueUsers: 0, expired: 0, startedToday: 0 }),
    };
    renderWithAdmin(
      <>
        <AdminActivity />
        <AdminActivityChart />
      </>,
      { dataProvider: bare },
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
