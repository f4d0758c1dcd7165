import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { RevokeOtherSessionsButton } from '../../src/components/RevokeOtherSessionsButton.js';
import { SessionList } from '../../src/components/SessionList.js';
import { createDemoBackend } from '../../src/memory/demoBackend.js';
import { SessionsProvider } from '../../src/registry/SessionsProvider.js';
import { createTestQueryClient } from '../../src/testing/createTestQueryClient.js';

// Runs in a Chromium that draws classic scrollbars, as desktop Chromium does (see vitest.config.ts).

/** A host page: a centred column holding the kit, taller than the window unless `short`. */
function renderPage({ short = false }: { short?: boolean } = {}): HTMLElement {
  const backend = createDemoBackend({ passwordRequirements: { revokeOtherSessions: 'required' } });
  render(
    <main style={{ maxWidth: '40rem', margin: '0 auto' }}>
      <SessionsProvider dataProvider={backend.provider} queryClient={createTestQueryClient()}>
        <SessionList />
        <RevokeOtherSessionsButton />
      </SessionsProvider>
      {!short && <div style={{ blockSize: '300vh' }} />}
    </main>,
  );
  return document.querySelector('main') as HTMLElement;
}

/** Shows the page in a desktop-sized window; `moved()` says how far its column has since moved sideways. */
async function showPage(renderThePage: () => HTMLElement) {
  await page.viewport(1024, 768);
  const column = renderThePage();
  await expect.element(page.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
  const before = column.getBoundingClientRect().left;
  return { column, moved: () => Math.abs(column.getBoundingClientRect().left - before) };
}

async function openTheDialog() {
  await userEvent.click(page.getByRole('button', { name: 'Sign out other devices' }));
  await expect.element(page.getByRole('alertdialog', { name: 'Sign out other devices?' })).toBeVisible();
}

/** What the browser has painted once a frame has passed (a wheel's scroll included). */
const nextFrames = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** A stylesheet of the host page's own, removed after the test. */
function hostStyle(css: string) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  onTestFinished(() => style.remove());
}

afterEach(() => {
  document.documentElement.removeAttribute('dir');
  window.scrollTo(0, 0);
});

describe('a centred page when the confirmation dialog opens', () => {
  it('does not move sideways, and does not scroll behind the dialog', async () => {
    const { column, moved } = await showPage(renderPage);
    await openTheDialog();
    expect(moved()).toBeLessThanOrEqual(1);
    await userEvent.wheel(page.getByRole('alertdialog'), { delta: { y: 600 } });
    await nextFrames();
    expect(window.scrollY).toBe(0);

    // Closed, the same wheel scrolls the page again.
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    expect(moved()).toBeLessThanOrEqual(1);
    await userEvent.wheel(column, { delta: { y: 600 } });
    await nextFrames();
    expect(window.scrollY).toBeGreaterThan(0);
  });

  it.each([
    [
      'a right-to-left page, whose scrollbar is on the left',
      () => {
        document.documentElement.dir = 'rtl';
        return renderPage();
      },
    ],
    [
      'a page that keeps its scrollbar shown (overflow-y: scroll)',
      () => {
        hostStyle('html { overflow-y: scroll; }');
        return renderPage();
      },
    ],
    ['a page shorter than the window, which has no scrollbar to keep', () => renderPage({ short: true })],
  ])('does not move on %s', async (_, renderThePage) => {
    const { moved } = await showPage(renderThePage);
    await openTheDialog();
    expect(moved()).toBeLessThanOrEqual(1);
  });
});
