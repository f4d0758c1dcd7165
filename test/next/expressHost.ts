// A fresh Express host outside the repository, made of a docs page's app files and the packed package
// (issue 22): its server file as the docs show it, bundled for Node by esbuild; the page's section as
// docs/express.md shows it, bundled by Vite into public/; the host's user table (`users`) one user. Its
// login form's POST (JSON to /login, the XSRF-TOKEN cookie echoed) signs a browser in.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright';
import { expect as vitestExpect } from 'vitest';
import { CONSUMER_USER } from './consumerFlow.js';
import { installPackedPackage } from './consumerInstall.js';
import { type ServedApp, serveApp } from './serveApp.js';

const USER = CONSUMER_USER;

// The host's own parts the docs leave to it: its user table (`users`), its page shell and entry.
const usersScript = (serverModule: string) => `
const USER = ${JSON.stringify(USER)};
globalThis.users = {
  checkPassword: async (userId, password) => userId === USER.id && password === USER.password,
  checkCredentials: async (email, password) =>
    email === USER.email && password === USER.password ? { id: USER.id, email: USER.email, name: USER.name } : null,
  isAdmin: () => false,
  describe: (ids) => new Map(ids.filter((id) => id === USER.id).map((id) => [id, { email: USER.email, name: USER.name }])),
  search: (text) => (USER.email.includes(text.toLowerCase()) ? [USER.id] : []),
};
await import('./${serverModule}');
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

export interface ExpressHostOptions {
  /** What the host is, for its folder's name and its errors. */
  name: string;
  /** The app files, path → code: the server file and src/SecuritySection.tsx among them. */
  files: Map<string, string>;
  /** Which of them is the server (`server.ts`). */
  server: string;
  /** The host's own packages at their exact versions (see installPackedPackage). */
  extras?: Record<string, string>;
  /** More of the server's environment. */
  env?: Record<string, string>;
}

async function buildAndServe(host: string, { name, files, server, extras, env = {} }: ExpressHostOptions) {
  installPackedPackage(host, extras);
  writeFileSync(
    path.join(host, 'package.json'),
    JSON.stringify({ name: `fresh-${name}`, private: true, type: 'module' }),
  );
  for (const [file, code] of files) {
    mkdirSync(path.dirname(path.join(host, file)), { recursive: true });
    writeFileSync(path.join(host, file), code);
  }
  const serverModule = server.replace(/\.ts$/, '.mjs');
  writeFileSync(path.join(host, 'start.mjs'), usersScript(serverModule));
  writeFileSync(path.join(host, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(host, 'src/main.tsx'), MAIN);
  writeFileSync(path.join(host, 'vite.config.mjs'), VITE_CONFIG);
  const bin = (tool: string) => path.join(host, 'node_modules/.bin', tool);
  // The host's build: its server file as Node runs it, its page as its bundler builds it.
  execFileSync(bin('esbuild'), [server, '--format=esm', '--platform=node', `--outfile=${serverModule}`], {
    cwd: host,
  });
  execFileSync(bin('vite'), ['build'], { cwd: host });
  return serveApp(`the ${name}`, (port) => ({
    file: 'node',
    args: ['start.mjs'],
    cwd: host,
    env: { ...process.env, PORT: String(port), NODE_ENV: 'development', ...env },
  }));
}

/** Builds and starts the host; `signIn` signs a page in through its login form and opens the section. */
export async function startExpressHost(options: ExpressHostOptions) {
  const { name } = options;
  const host = mkdtempSync(path.join(tmpdir(), `profilekit-${name}-`));
  let served: ServedApp;
  try {
    served = await buildAndServe(host, options);
  } catch (error) {
    rmSync(host, { recursive: true, force: true });
    throw error;
  }
  return {
    url: served.url,
    output: served.output,
    /** Signs in as the host's login form would (JSON, with the XSRF-TOKEN cookie echoed), then opens the page. */
    async signIn(page: Page) {
      await page.goto(served.url);
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
    },
    async close() {
      try {
        await served.close();
      } finally {
        rmSync(host, { recursive: true, force: true });
      }
    },
  };
}

export type ExpressHost = Awaited<ReturnType<typeof startExpressHost>>;
