// A fresh Express 5 app outside the repository that keeps its own sessions, made of docs/express-session.md's
// server file and the packed package: express-session and Passport's local strategy as the host has them,
// express-session's store and the contract from createHostSessions; the page's section is docs/express.md's,
// bundled by Vite. Then in Chromium one user on two devices: both listed, one signs the other out with the
// password, the other leaves live (its express-session cookie names no session any more).
import { readFileSync } from 'node:fs';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, it, expect as vitestExpect } from 'vitest';
import { chromiumLaunch } from '../../vitest.config.js';
import { appFilesOf } from '../docs/docBlocks.js';
import { twoDevicesSignOneOut } from './consumerFlow.js';
import { type ExpressHost, startExpressHost } from './expressHost.js';

const DOC = 'docs/express-session.md';
// What the host has installed, at the versions the docs were checked against.
const HOST_PACKAGES = {
  express: '5.3.0',
  'express-session': '1.19.0',
  passport: '0.7.0',
  'passport-local': '1.0.0',
};

// The page shows other hosts' files too (fastify-server.ts): this app is its Express one.
const serverFile = appFilesOf(DOC).get('express-server.ts') ?? '';
let host: ExpressHost | undefined;
let browser: Browser;

beforeAll(async () => {
  vitestExpect(serverFile).toContain('express-session');
  const page = appFilesOf('docs/express.md').get('src/SecuritySection.tsx');
  vitestExpect(page).toBeDefined();
  host = await startExpressHost({
    name: 'express-session-host',
    files: new Map([
      ['express-server.ts', serverFile],
      ['src/SecuritySection.tsx', page as string],
    ]),
    server: 'express-server.ts',
    extras: HOST_PACKAGES,
    env: { SESSION_SECRET: 'a test secret, long enough for express-session' },
  });
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe("a fresh Express 5 + express-session + Passport app from docs/express-session.md's file", () => {
  it("counts the host's change as the lines it marks // profilekit", () => {
    const marked = serverFile.split('\n').filter((line) => /\/\/ profilekit\b/.test(line));
    const claimed = /The host's change is (\d+) lines/.exec(
      readFileSync(new URL(`../../${DOC}`, import.meta.url), 'utf8'),
    )?.[1];
    vitestExpect(Number(claimed)).toBe(marked.length);
    vitestExpect(marked.length).toBeLessThanOrEqual(15);
  });

  it('lists both devices, signs one out with the password, and the other leaves live', async () => {
    await twoDevicesSignOneOut({
      browser,
      signIn: (page) => (host as ExpressHost).signIn(page),
      signedOutPath: /\/login$/,
    });
  });
});
