// A fresh Next.js app outside the repository, made of docs/next.md's files and the packed package (issue
// 22): `npm pack`, the tarball unpacked into the app's node_modules as npm installs it, the page's code as
// the docs show it, default options on both halves. `next build`, `next start`, then in Chromium one user
// on two devices: both listed, one signs the other out with the password, the other leaves live.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { expect as playwrightExpect } from 'playwright/test';
import { afterAll, beforeAll, describe, it, expect as vitestExpect } from 'vitest';
import { chromiumLaunch } from '../../vitest.config.js';
import { appFilesOf } from '../docs/docBlocks.js';
import { nextBuild, nextStart } from './nextApp.js';

// A wait ends as soon as its condition holds; the limit is only when to give up, on a busy machine too.
const expect = playwrightExpect.configure({ timeout: 15_000 });

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EDGE_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
const USER = { id: 'u_ana', email: 'ana@example.com', name: 'Ana', password: 'correct horse battery' };

// The host's own user table, which the docs leave to the host (`users`): one user, set up when the server
// starts (Next.js calls instrumentation's register() before any request).
const HOST_USERS = `
const USER = ${JSON.stringify(USER)};
export function register() {
  globalThis.users = {
    checkPassword: async (userId: string, password: string) => userId === USER.id && password === USER.password,
    checkCredentials: async (email: string, password: string) =>
      email === USER.email && password === USER.password ? { id: USER.id, email: USER.email, name: USER.name } : null,
  };
}
`;
const HOST_USERS_TYPES = `
declare var users: {
  checkPassword(userId: string, password: string): Promise<boolean>;
  checkCredentials(email: string, password: string): Promise<{ id: string; email: string; name: string } | null>;
};
`;
// What create-next-app writes: strict TypeScript, the bundler's resolution.
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['dom', 'dom.iterable', 'esnext'],
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    resolveJsonModule: true,
    isolatedModules: true,
    jsx: 'react-jsx',
    incremental: true,
    skipLibCheck: true,
    plugins: [{ name: 'next' }],
  },
  include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts'],
  exclude: ['node_modules'],
};

const host = mkdtempSync(path.join(tmpdir(), 'profilekit-next-host-'));
let app: Awaited<ReturnType<typeof nextStart>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

/** The host's node_modules: the repo's dependencies (hard links, as a package manager's store gives) and the tarball. */
function install() {
  const linked = spawnSync('cp', [
    '-al',
    path.join(repoRoot, 'node_modules'),
    path.join(host, 'node_modules'),
  ]);
  if (linked.status !== 0)
    execFileSync('cp', ['-a', path.join(repoRoot, 'node_modules'), path.join(host, 'node_modules')]);
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', host], {
      cwd: repoRoot,
      encoding: 'utf8',
    }),
  ) as [{ filename: string }];
  const target = path.join(host, 'node_modules', 'profilekit');
  mkdirSync(target);
  execFileSync('tar', ['-xzf', path.join(host, packed[0].filename), '-C', target, '--strip-components=1']);
}

beforeAll(async () => {
  install();
  writeFileSync(path.join(host, 'package.json'), JSON.stringify({ name: 'fresh-next-host', private: true }));
  writeFileSync(path.join(host, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(path.join(host, 'next.config.ts'), 'export default {};\n');
  writeFileSync(path.join(host, 'instrumentation.ts'), HOST_USERS);
  writeFileSync(path.join(host, 'host-users.d.ts'), HOST_USERS_TYPES);
  const files = appFilesOf('docs/next.md');
  for (const [file, code] of files) {
    mkdirSync(path.dirname(path.join(host, file)), { recursive: true });
    writeFileSync(path.join(host, file), code);
  }
  vitestExpect([...files.keys()].sort()).toEqual([
    'app/api/[...path]/route.ts',
    'app/api/auth/sign-in/route.ts',
    'app/api/auth/sign-out/route.ts',
    'app/layout.tsx',
    'app/page.tsx',
    'lib/sessions.ts',
  ]);
  console.log(`next build of the docs' app: ${nextBuild(host, host).toFixed(1)} s`);
  // Built without a database: setup runs on the first request, never during the build.
  vitestExpect(readdirSync(host)).not.toContain('sessions.sqlite');
  [app, browser] = await Promise.all([
    nextStart({ appDir: host, cwd: host }),
    chromium.launch(chromiumLaunch),
  ]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.close();
  rmSync(host, { recursive: true, force: true });
});

/** A device: its own browser context, every console problem recorded. `localhost` may hold Secure cookies. */
async function device(userAgent?: string): Promise<Page> {
  const context = await browser.newContext(userAgent ? { userAgent } : {});
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`[pageerror] ${page.url()}: ${error.message}`));
  return page;
}

/** Signs in as the docs' login form would (JSON to the sign-in route), then opens the profile page. */
async function signIn(page: Page) {
  const base = `http://localhost:${app.port}`;
  await page.goto(`${base}/sign-in`);
  const status = await page.evaluate(
    async ({ email, password }) =>
      (
        await fetch('/api/auth/sign-in', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password }),
        })
      ).status,
    USER,
  );
  vitestExpect(status).toBe(200);
  await page.goto(base);
  await page.getByRole('heading', { name: 'Your profile' }).waitFor();
}

const row = (page: Page, device: string) =>
  page.getByRole('listitem').filter({ has: page.getByText(device, { exact: true }) });

describe("a fresh Next.js app from docs/next.md's files and the packed package", () => {
  it('lists both devices, signs one out with the password, and the other leaves live', async () => {
    const b = await device(EDGE_ON_WINDOWS);
    await signIn(b);
    const a = await device();
    await signIn(a);
    await expect(row(a, 'Microsoft Edge on Windows')).toBeVisible();
    await expect(a.getByRole('heading', { name: 'Signed in on 2 devices' })).toBeVisible();

    // Default options on both halves: the server wants the password, and the page asks for it.
    await a.getByRole('button', { name: 'Sign out Microsoft Edge on Windows' }).click();
    const dialog = a.getByRole('alertdialog', { name: 'Sign out Microsoft Edge on Windows?' });
    await dialog.getByLabel('Password').fill('not my password');
    await dialog.getByLabel('Password').press('Enter');
    await expect(dialog.getByRole('alert')).toHaveText('That password is not correct.');
    await dialog.getByLabel('Password').fill(USER.password);
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(a, 'Microsoft Edge on Windows')).toHaveCount(0);

    // B hears it on its event stream and goes to signedOutUrl on its own.
    await expect(b).toHaveURL(/\/sign-in$/);
    // Expected failed loads only: the sign-in page the docs leave to the host (404), the wrong password
    // (422), a signed-out device's last poll (401). No hydration warning, no error.
    vitestExpect(
      problems.filter((p) => !/Failed to load resource: .* status of (404|422|401)\b/.test(p)),
    ).toEqual([]);
  });
});
