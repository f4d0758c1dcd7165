// A fresh Next.js app outside the repository, made of docs/next.md's files and the packed package (issue
// 22): `npm pack`, the tarball unpacked into the app's node_modules as npm installs it, the page's code as
// the docs show it, default options on both halves. `next build`, `next start`, then in Chromium one user
// on two devices: both listed, one signs the other out with the password, the other leaves live.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, it, expect as vitestExpect } from 'vitest';
import { chromiumLaunch } from '../../vitest.config.js';
import { appFilesOf } from '../docs/docBlocks.js';
import { CONSUMER_USER, twoDevicesSignOneOut } from './consumerFlow.js';
import { installPackedPackage } from './consumerInstall.js';
import { nextBuild, nextStart } from './nextApp.js';

const USER = CONSUMER_USER;

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

beforeAll(async () => {
  installPackedPackage(host);
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
  await browser?.close();
  await app?.close();
  rmSync(host, { recursive: true, force: true });
});

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

describe("a fresh Next.js app from docs/next.md's files and the packed package", () => {
  it('lists both devices, signs one out with the password, and the other leaves live', async () => {
    await twoDevicesSignOneOut({ browser, signIn, signedOutPath: /\/sign-in$/ });
  });
});
