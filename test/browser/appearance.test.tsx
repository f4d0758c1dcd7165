import { render } from '@testing-library/react';
import axe from 'axe-core';
import { ar } from 'date-fns/locale';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { RevokeAllButton } from '../../src/components/RevokeAllButton.js';
import { RevokeOtherSessionsButton } from '../../src/components/RevokeOtherSessionsButton.js';
import { SessionList } from '../../src/components/SessionList.js';
import { createDemoBackend } from '../../src/memory/demoBackend.js';
import type { SessionsDataProvider } from '../../src/provider/types.js';
import { SessionsProvider, type SessionsProviderProps } from '../../src/registry/SessionsProvider.js';
import { createTestDataProvider } from '../../src/testing/createTestDataProvider.js';
import { createTestQueryClient } from '../../src/testing/createTestQueryClient.js';

function Page({ theme, children }: { theme: 'light' | 'dark'; children: ReactNode }) {
  return (
    <main
      data-theme={theme}
      style={{ background: theme === 'dark' ? '#09090b' : '#ffffff', padding: 16, width: 640 }}
    >
      {children}
    </main>
  );
}

function renderKit(
  theme: 'light' | 'dark',
  dataProvider: SessionsDataProvider,
  props: Partial<SessionsProviderProps> = {},
) {
  return render(
    <Page theme={theme}>
      <SessionsProvider dataProvider={dataProvider} queryClient={createTestQueryClient()} {...props}>
        <SessionList />
        <RevokeOtherSessionsButton />
      </SessionsProvider>
    </Page>,
  );
}

/** Full axe, colour contrast included (real layout here), over the whole document. */
async function violations() {
  const result = await axe.run(document.body, { rules: { region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
  it('passes axe, contrast included, for the list, a row error and the open dialog', async () => {
    const backend = createDemoBackend({ passwordRequirements: { revokeOtherSessions: 'required' } });
    backend.failNext('revokeSession', 'FORBIDDEN');
    renderKit(theme, backend.provider);
    await expect.element(page.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
    expect(await violations()).toEqual([]);
    // The theme's own defaults, not the other's: text and a row's surface.
    const root = document.querySelector('.pk-root') as HTMLElement;
    expect(getComputedStyle(root).color).toBe(theme === 'dark' ? 'rgb(250, 250, 250)' : 'rgb(9, 9, 11)');

    await userEvent.click(page.getByRole('button', { name: 'Sign out Firefox on Windows' }));
    await expect.element(page.getByText(/^Could not sign out Firefox on Windows/).first()).toBeVisible();
    expect(await violations()).toEqual([]);

    await userEvent.click(page.getByRole('button', { name: 'Sign out other devices' }));
    await userEvent.keyboard('wrong{Enter}');
    await expect.element(page.getByRole('alert')).toHaveTextContent('That password is not correct.');
    expect(await violations()).toEqual([]);
  });

  it('passes axe for the loading, error and re-auth states', async () => {
    const backend = createDemoBackend({ latency: 60_000 });
    const { unmount } = renderKit(theme, backend.provider);
    await expect.element(page.getByText('Loading your devices…')).toBeInTheDocument();
    expect(await violations()).toEqual([]);
    unmount();

    const failing = createDemoBackend();
    failing.failNext('listSessions', 'NETWORK');
    const second = renderKit(theme, failing.provider);
    await expect.element(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    expect(await violations()).toEqual([]);
    second.unmount();

    const stale = createDemoBackend();
    stale.requireReauth(stale.currentSessionId);
    renderKit(theme, stale.provider);
    await expect.element(page.getByLabelText('Password')).toBeVisible();
    expect(await violations()).toEqual([]);
  });
});

describe('layout', () => {
  it('does not jump when the list replaces its placeholders', async () => {
    const gate = { open: () => {} };
    const backend = createDemoBackend();
    const listSessions = backend.provider.listSessions as NonNullable<SessionsDataProvider['listSessions']>;
    const dataProvider = createTestDataProvider({
      ...backend.provider,
      listSessions: (params) =>
        new Promise((resolve) => {
          gate.open = () => resolve(listSessions(params));
        }),
    });
    render(
      <Page theme="light">
        <SessionsProvider dataProvider={dataProvider} queryClient={createTestQueryClient()}>
          <SessionList showCount={false} />
        </SessionsProvider>
      </Page>,
    );
    await expect.element(page.getByText('Loading your devices…')).toBeInTheDocument();
    const placeholder = document.querySelector('.pk-skeleton') as HTMLElement;
    const placeholderHeight = placeholder.getBoundingClientRect().height;
    gate.open();
    await expect.element(page.getByText('Firefox on Windows')).toBeVisible();
    const row = document.querySelector('[data-session-id="ses_windows"]') as HTMLElement;
    expect(row.getBoundingClientRect().height).toBe(placeholderHeight);
  });

  it('keeps hostile, unbroken strings inside the row', async () => {
    const long = 'A'.repeat(600);
    const dataProvider = createTestDataProvider({
      listSessions: () =>
        Promise.resolve({
          sessions: [
            { id: 'me', isCurrent: true, userAgent: long, location: { city: long } },
            { id: 'x', device: { name: `\u202Eexe.txt ${'W'.repeat(300)}` }, ipAddress: '1'.repeat(64) },
          ],
        }),
    });
    renderKit('light', dataProvider);
    await expect.element(page.getByRole('heading', { name: 'Signed in on 2 devices' })).toBeVisible();
    for (const row of document.querySelectorAll<HTMLElement>('.pk-row')) {
      expect(row.scrollWidth).toBeLessThanOrEqual(row.clientWidth);
      expect(row.getBoundingClientRect().width).toBeLessThanOrEqual(640);
    }
    // The bidi override was stripped, so the name reads as it is stored.
    expect(document.body.textContent).not.toContain('\u202E');
  });

  it('lays out right to left in Arabic', async () => {
    const backend = createDemoBackend();
    render(
      <Page theme="light">
        <SessionsProvider
          dataProvider={backend.provider}
          queryClient={createTestQueryClient()}
          dir="rtl"
          locale={ar}
        >
          <SessionList />
        </SessionsProvider>
      </Page>,
    );
    await expect.element(page.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
    const row = document.querySelector('[data-session-id="ses_windows"]') as HTMLElement;
    // The glyph is the row's ::before, painted with the device's icon as a mask.
    const glyph = getComputedStyle(row, '::before');
    expect(glyph.maskImage).toContain('data:image/svg+xml');
    expect(glyph.width).toBe('24px');
    const name = row.querySelector('p')?.getBoundingClientRect();
    const button = row.querySelector('button')?.getBoundingClientRect();
    // Name on the right, action on the left; the glyph's column (24 px and a gap) right of the name.
    expect(name?.left).toBeGreaterThan(button?.right ?? Number.POSITIVE_INFINITY);
    expect(row.getBoundingClientRect().right - (name?.right ?? 0)).toBeGreaterThanOrEqual(24 + 12);
    expect(await violations()).toEqual([]);
  });
});

describe("the README's page", () => {
  it('puts the two sign-out buttons side by side under the list, apart from it and from each other', async () => {
    render(
      <main style={{ background: '#ffffff', padding: 16, width: 720 }}>
        <SessionsProvider dataProvider={createDemoBackend().provider} queryClient={createTestQueryClient()}>
          <SessionList />
          <RevokeAllButton />
          <RevokeAllButton includeThisDevice />
        </SessionsProvider>
      </main>,
    );
    await expect.element(page.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
    const list = page.getByRole('list').element().getBoundingClientRect();
    const others = page
      .getByRole('button', { name: 'Sign out other devices' })
      .element()
      .getBoundingClientRect();
    const everywhere = page
      .getByRole('button', { name: 'Sign out everywhere' })
      .element()
      .getBoundingClientRect();
    expect(others.top - list.bottom).toBeGreaterThanOrEqual(12);
    expect(everywhere.top).toBe(others.top);
    expect(everywhere.left - others.right).toBeGreaterThanOrEqual(8);
  });
});

describe('a dark OS', () => {
  // The OS says dark; the page decides. Chromium's emulation, reset after each test.
  beforeEach(async () => {
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-color-scheme', value: 'dark' }],
    });
    return () => cdp().send('Emulation.setEmulatedMedia', { features: [] });
  });

  it('leaves a light page light, and it passes axe contrast', async () => {
    expect(window.matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
    render(
      <main style={{ background: '#ffffff', color: '#09090b', padding: 16, width: 640 }}>
        <SessionsProvider dataProvider={createDemoBackend().provider} queryClient={createTestQueryClient()}>
          <SessionList />
          <RevokeOtherSessionsButton />
        </SessionsProvider>
      </main>,
    );
    await expect.element(page.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
    expect(getComputedStyle(document.querySelector('.pk-root') as HTMLElement).color).toBe('rgb(9, 9, 11)');
    expect(await violations()).toEqual([]);
  });

  it('turns the kit dark when the page asks to follow the OS (data-theme="system")', async () => {
    render(
      <main data-theme="system" style={{ background: '#09090b', padding: 16, width: 640 }}>
        <SessionsProvider dataProvider={createDemoBackend().provider} queryClient={createTestQueryClient()}>
          <SessionList />
        </SessionsProvider>
      </main>,
    );
    await expect.element(page.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
    expect(getComputedStyle(document.querySelector('.pk-root') as HTMLElement).color).toBe(
      'rgb(250, 250, 250)',
    );
    expect(await violations()).toEqual([]);
  });
});
