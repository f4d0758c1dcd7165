import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { AdminSessionsTable } from '../../../src/admin/components/AdminSessionsTable.js';
import { AdminSessionsProvider } from '../../../src/admin/registry/AdminSessionsProvider.js';
import { createMemoryBackend } from '../../../src/memory/createMemoryBackend.js';
import { createTestQueryClient } from '../../../src/testing/createTestQueryClient.js';

function twoSessions() {
  const backend = createMemoryBackend({
    users: [{ id: 'admin', email: 'admin@example.com', password: 'pw', role: 'admin', name: 'Sam Admin' }],
    sessions: [
      { id: 'admin-1', user: 'admin', ipAddress: '192.0.2.1' },
      { id: 'admin-2', user: 'admin', ipAddress: '192.0.2.2' },
    ],
  });
  return backend.adminProviderFor('admin-1');
}

describe('the admin table in a page', () => {
  it('takes only the height its few rows need, and shows its whole search placeholder', async () => {
    render(
      <main style={{ width: 880, background: '#fff', padding: 16 }}>
        <AdminSessionsProvider dataProvider={twoSessions()} queryClient={createTestQueryClient()}>
          <AdminSessionsTable height={480} />
        </AdminSessionsProvider>
      </main>,
    );
    await expect.element(page.getByText('2 sessions')).toBeVisible();
    const grid = page.getByRole('grid').element().getBoundingClientRect();
    // A header and two rows: far below the 480 px a full table may take.
    expect(grid.height).toBeLessThan(200);

    const search = page.getByLabelText('Search sessions').element() as HTMLInputElement;
    const style = getComputedStyle(search);
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    context.font = `${style.fontSize} ${style.fontFamily}`;
    const room =
      search.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    expect(context.measureText(search.placeholder).width).toBeLessThanOrEqual(room);
  });
});
