import { render } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { AdminSessionStats } from '../../../src/admin/components/AdminSessionStats.js';
import { AdminSessionsTable } from '../../../src/admin/components/AdminSessionsTable.js';
import { SessionDetails } from '../../../src/admin/components/SessionDetails.js';
import type { AdminSession } from '../../../src/admin/provider/types.js';
import { AdminSessionsProvider } from '../../../src/admin/registry/AdminSessionsProvider.js';
import { createLargeDemoBackend } from '../../../src/memory/largeDemoBackend.js';
import { createTestQueryClient } from '../../../src/testing/createTestQueryClient.js';

const SESSIONS = 100_000;

function Console({ pageSize }: { pageSize: number }) {
  const [large] = useState(() => createLargeDemoBackend({ sessions: SESSIONS, users: 5_000 }));
  const [selected, setSelected] = useState<AdminSession | undefined>();
  return (
    <main style={{ width: 1200, background: '#fff', padding: 16 }}>
      <AdminSessionsProvider dataProvider={large.adminProvider} queryClient={createTestQueryClient()}>
        <AdminSessionStats />
        <AdminSessionsTable pageSize={pageSize} onSelectSession={setSelected} height={480} />
        <SessionDetails sessionId={selected?.id} onClose={() => setSelected(undefined)} />
      </AdminSessionsProvider>
    </main>
  );
}

const grid = () => document.querySelector('[role="grid"]') as HTMLElement;
const renderedRowIndexes = () =>
  [...grid().querySelectorAll('[role="row"][data-row-index]')].map((row) =>
    Number(row.getAttribute('data-row-index')),
  );

async function violations() {
  const result = await axe.run(document.body, { rules: { region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the admin table over 100,000 sessions', () => {
  it('scrolls to the very end and back, keeping only a window of rows in the DOM', async () => {
    // The largest page the contract serves: a hundred requests to reach the end.
    render(<Console pageSize={1_000} />);
    await expect.element(page.getByText(/^[\d,]+ sessions$/)).toBeVisible();
    const total = Number(grid().getAttribute('aria-rowcount')) - 1;
    expect(total).toBe(SESSIONS + 1);
    let maxRowsInDom = 0;
    // Scroll to the bottom again and again; each time the next page loads, until the last row shows.
    for (let step = 0; step < 200; step++) {
      grid().scrollTop = grid().scrollHeight;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)));
      maxRowsInDom = Math.max(maxRowsInDom, renderedRowIndexes().length);
      if (renderedRowIndexes().includes(total + 1)) break;
    }
    expect(renderedRowIndexes()).toContain(total + 1);
    grid().scrollTop = 0;
    await expect.poll(() => renderedRowIndexes().includes(2)).toBe(true);
    expect(maxRowsInDom).toBeLessThan(100);
  }, 120_000);

  it('passes axe (contrast included) for the table and the details dialog, and opens details from the keyboard', async () => {
    render(<Console pageSize={200} />);
    await expect.element(page.getByText(/^[\d,]+ sessions$/)).toBeVisible();
    expect(await violations()).toEqual([]);
    const firstRow = grid().querySelector<HTMLElement>('[data-row-index="2"]');
    firstRow?.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await expect.element(page.getByText('Token (first 8 characters)')).toBeVisible();
    expect(await violations()).toEqual([]);
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  });
});
