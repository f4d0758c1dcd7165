import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { AdminSessionsTable } from '../../src/admin/components/AdminSessionsTable.js';
import type { AdminSessionsDataProvider } from '../../src/admin/provider/types.js';
import { AdminSessionsProvider } from '../../src/admin/registry/AdminSessionsProvider.js';
import { SessionList } from '../../src/components/SessionList.js';
import { cleanText } from '../../src/provider/normalizeSessions.js';
import { SessionsProvider } from '../../src/registry/SessionsProvider.js';
import { createTestDataProvider } from '../../src/testing/createTestDataProvider.js';
import { createTestQueryClient } from '../../src/testing/createTestQueryClient.js';
import '../../src/styles.css';

declare global {
  interface Window {
    __pwned?: number;
  }
}

// Each one goes into every text field a server sends: user agent, device name, city, IP, user name, email.
const PWN = 'window.__pwned=1';
const HOSTILE: unknown[] = [
  `<script>${PWN}</script>`,
  `<img src=x onerror="${PWN}">`,
  `<svg onload="${PWN}">`,
  `"><script>${PWN}</script>`,
  `'><img src=x onerror=${PWN}>`,
  `javascript:${PWN}`,
  'JaVaScRiPt:alert(1)',
  `<a href="javascript:${PWN}">click me</a>`,
  `<iframe src="javascript:${PWN}"></iframe>`,
  `<body onload=${PWN}>`,
  `<details open ontoggle=${PWN}>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${PWN}>`,
  `{{constructor.constructor('${PWN}')()}}`,
  `\${${PWN}}`,
  '\u202Egnp.exe',
  '\u2066evil\u2069 text',
  '\u200F\u200Eabc',
  '\u202EChrome on \u202DmacOS',
  'a'.repeat(10_000),
  'x '.repeat(5_000),
  `https://${'a'.repeat(10_000)}.example`,
  'Z̷̢̛̛̪̹͎̞͎a̶l̶g̶o̶ '.repeat(60),
  '\u0000null\u0000byte',
  'line\nbreak\r\nCRLF',
  '\t\ttabbed',
  '</li></ul><h1>Injected heading</h1>',
  '<style>*{display:none!important}</style>',
  '<link rel=stylesheet href=//evil.example/x.css>',
  `<meta http-equiv="refresh" content="0;url=javascript:${PWN}">`,
  `<object data="javascript:${PWN}">`,
  `<embed src="javascript:${PWN}">`,
  `<form action="javascript:${PWN}"><button>Submit</button></form>`,
  `<input autofocus onfocus=${PWN}>`,
  `<video><source onerror=${PWN}></video>`,
  '<!-- a comment -->',
  '<![CDATA[cdata]]>',
  '&lt;script&gt;',
  `&#x3C;script&#x3E;${PWN}&#x3C;/script&#x3E;`,
  `%3Cscript%3E${PWN}%3C/script%3E`,
  `data:text/html,<script>${PWN}</script>`,
  'vbscript:msgbox(1)',
  "' OR 1=1 --",
  "Robert'); DROP TABLE sessions;--",
  '__proto__',
  'constructor',
  'toString',
  'null',
  '👩‍💻🏳️‍🌈 device',
  'متصفح كروم على ويندوز',
  '   ',
  `${'<img src=x onerror=window.__pwned=1>'.repeat(300)}`,
  null,
  undefined,
  12345,
  {},
  [],
  true,
  { toString: () => `<img src=x onerror=${PWN}>` },
];

function hostileSession(payload: unknown, index: number) {
  return {
    id: `s${index}`,
    isCurrent: index === 0,
    userAgent: payload,
    device: { name: payload },
    location: { city: payload, country: payload },
    ipAddress: payload,
    lastActiveAt: Date.now() - index * 60_000,
  };
}

// What a careful renderer may show of a payload: the cleaned text (cut with an ellipsis when very long).
const visibleTexts = HOSTILE.map((payload) => cleanText(payload)?.slice(0, 40)).filter(
  (text): text is string => text !== undefined,
);

/** Elements a payload could only have created by being parsed as HTML. */
const INJECTED =
  'script, img, iframe, object, embed, style, link, meta, form, input, video, a, h1, details, math';

/** `boxes`: the elements that must stay inside `root` (a cell clips its text, so the cell is what counts). */
async function expectHarmless(root: HTMLElement, boxes: string) {
  // Give any injected handler (an image error, an autofocus) time to fire.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(window.__pwned).toBeUndefined();
  expect([...root.querySelectorAll(INJECTED)].map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
  // Nothing pushes the layout wider than its box.
  expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  const box = root.getBoundingClientRect();
  for (const element of root.querySelectorAll<HTMLElement>(boxes)) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0) continue;
    expect(rect.right).toBeLessThanOrEqual(box.right + 1);
  }
}

describe(`${HOSTILE.length} hostile payloads in every field, rendered in Chromium`, () => {
  it('the user-facing list shows them as text: nothing runs, nothing is injected, the layout holds', async () => {
    const dataProvider = createTestDataProvider({
      // Untyped on purpose: a server can send anything.
      listSessions: async () => ({ sessions: HOSTILE.map(hostileSession) }) as never,
      revokeSession: async () => {},
    });
    const { container } = render(
      <main style={{ width: 560 }}>
        <SessionsProvider dataProvider={dataProvider} queryClient={createTestQueryClient()}>
          <SessionList showCount />
        </SessionsProvider>
      </main>,
    );
    await expect.element(page.getByRole('heading', { name: /Signed in on \d+ devices/ })).toBeVisible();
    const list = container.querySelector('main') as HTMLElement;
    expect(list.querySelectorAll('li[data-session-id]')).toHaveLength(HOSTILE.length);
    await expectHarmless(list, 'li, li > p, bdi, time');
    const text = list.textContent ?? '';
    const missing = visibleTexts.filter((shown) => !text.includes(shown));
    expect(missing).toEqual([]);
  });

  it('the admin table shows them as text too, user names and emails included', async () => {
    const sessions = HOSTILE.map((payload, index) => ({
      ...hostileSession(payload, index),
      user: { id: `u${index}`, name: payload, email: payload },
      createdAt: Date.now() - 86_400_000,
      expiresAt: Date.now() + 86_400_000,
    }));
    const adminProvider: AdminSessionsDataProvider = {
      ...createTestDataProvider({ listSessions: async () => ({ sessions: [] }) }),
      listAllSessions: async () => ({ sessions, nextCursor: null, total: sessions.length }),
      getSession: async ({ sessionId }) => sessions.find((s) => s.id === sessionId) ?? sessions[0],
      getSessionStats: async () => ({
        totalActive: sessions.length,
        uniqueUsers: sessions.length,
        expired: 0,
        startedToday: 0,
      }),
    } as AdminSessionsDataProvider;
    const { container } = render(
      <main style={{ width: 1100 }}>
        <AdminSessionsProvider dataProvider={adminProvider} queryClient={createTestQueryClient()}>
          <AdminSessionsTable height={52 * (HOSTILE.length + 2)} />
        </AdminSessionsProvider>
      </main>,
    );
    await expect.element(page.getByText(`${HOSTILE.length} sessions`)).toBeVisible();
    // The grid itself: the toolbar's own search field is the one input expected on the page.
    const table = container.querySelector('[role="grid"]') as HTMLElement;
    await expect
      .poll(() => table.querySelectorAll('[role="row"][data-row-index]').length)
      .toBe(HOSTILE.length);
    await expectHarmless(table, '[role="row"], [role="gridcell"]');
    const text = table.textContent ?? '';
    expect(visibleTexts.filter((shown) => !text.includes(shown))).toEqual([]);
  });
});
