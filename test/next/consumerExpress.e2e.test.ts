// A fresh Express 5 app outside the repository, made of docs/express.md's files and the packed package
// (issue 22): the server as the docs show it (express.json() in front, its own login and logout, the
// contract under /api), the page's section as the docs show it, bundled by Vite; default options on both
// halves. Then in Chromium one user on two devices: both listed, one signs the other out with the
// password, the other leaves live.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, it, expect as vitestExpect } from 'vitest';
import { chromiumLaunch } from '../../vitest.config.js';
import { appFilesOf } from '../docs/docBlocks.js';
import { CONSUMER_USER, twoDevicesSignOneOut } from './consumerFlow.js';
import { installPackedPackage } from './consumerInstall.js';

const USER = CONSUMER_USER;

// The host's own parts the docs leave to it: its user table (`users`), its page shell and entry.
const START = `
const USER = ${JSON.stringify(USER)};
globalThis.users = {
  checkPassword: async (userId, password) => userId === USER.id && password === USER.password,
  checkCredentials: async (email, password) =>
    email === USER.email && password === USER.password ? { id: USER.id, email: USER.email, name: USER.name } : null,
  isAdmin: () => false,
  describe: (ids) => new Map(ids.filter((id) => id === USER.id).map((id) => [id, { email: USER.email, name: USER.name }])),
  search: (text) => (USER.email.includes(text.toLowerCase()) ? [USER.id] : []),
};
await import('./server.mjs');
`;
const INDEX_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme</title></head>
<body><main><h1>Your security</h1><div id="root"></div></main><script type="module" src="/src/main.tsx"></script></body></html>
`;
const MAIN = `
import { createRoot } from 'react-dom/client';
import { SecuritySection } from './SecuritySection';

const root = createRoot(document.getElementById('root') as HTMLElement);
fetch('/app/me').then(async (me) => {
  root.render(me.ok ? <SecuritySection userId={(await me.json()).userId} /> : <p>Signed out</p>);
});
`;
const VITE_CONFIG = `
import react from '@vitejs/plugin-react';
export default { plugins: [react()], logLevel: 'error', build: { outDir: 'public' } };
`;

const host = mkdtempSync(path.join(tmpdir(), 'profilekit-express-host-'));
let server: ChildProcess | undefined;
let base = '';
let browser: Browser;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  installPackedPackage(host);
  writeFileSync(
    path.join(host, 'package.json'),
    JSON.stringify({ name: 'fresh-express-host', private: true, type: 'module' }),
  );
  const files = appFilesOf('docs/express.md');
  vitestExpect([...files.keys()].sort()).toEqual(['server.ts', 'src/SecuritySection.tsx']);
  for (const [file, code] of files) {
    mkdirSync(path.dirname(path.join(host, file)), { recursive: true });
    writeFileSync(path.join(host, file), code);
  }
  writeFileSync(path.join(host, 'start.mjs'), START);
  writeFileSync(path.join(host, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(host, 'src/main.tsx'), MAIN);
  writeFileSync(path.join(host, 'vite.config.mjs'), VITE_CONFIG);
  const bin = (name: string) => path.join(host, 'node_modules/.bin', name);
  // The host's build: its server file as Node runs it, its page as its bundler builds it.
  execFileSync(bin('esbuild'), ['server.ts', '--format=esm', '--platform=node', '--outfile=server.mjs'], {
    cwd: host,
  });
  execFileSync(bin('vite'), ['build'], { cwd: host });

  const port = await freePort();
  let output = '';
  server = spawn('node', ['start.mjs'], {
    cwd: host,
    env: { ...process.env, PORT: String(port), NODE_ENV: 'development' },
  });
  server.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the Express host exited (${server.exitCode}):\n${output}`);
    const up = await fetch(`${base}/api/csrf`).then(
      (response) => response.status === 204,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`the Express host did not answer in 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  rmSync(host, { recursive: true, force: true });
});

/** Signs in as the host's login form would (JSON, with the XSRF-TOKEN cookie echoed), then opens the page. */
async function signIn(page: Page) {
  await page.goto(base);
  await page.getByText('Signed out').waitFor();
  const status = await page.evaluate(async ({ email, password }) => {
    const xsrf = decodeURIComponent(/(?:^|; )XSRF-TOKEN=([^;]*)/.exec(document.cookie)?.[1] ?? '');
    const response = await fetch('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf },
      body: JSON.stringify({ email, password }),
    });
    return response.status;
  }, USER);
  vitestExpect(status).toBe(200);
  await page.reload();
  await page.getByRole('list').first().waitFor();
}

describe("a fresh Express 5 app from docs/express.md's files and the packed package", () => {
  it('lists both devices, signs one out with the password, and the other leaves live', async () => {
    await twoDevicesSignOneOut({ browser, signIn, signedOutPath: /\/login$/ });
  });
});
