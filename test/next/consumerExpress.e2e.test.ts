// A fresh Express 5 app outside the repository, made of docs/express.md's files and the packed package
// (issue 22): the server as the docs show it (express.json() in front, its own login and logout, the
// contract under /api), the page's section as the docs show it, bundled by Vite; default options on both
// halves. Then in Chromium one user on two devices: both listed, one signs the other out with the
// password, the other leaves live.
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, it, expect as vitestExpect } from 'vitest';
import { chromiumLaunch } from '../../vitest.config.js';
import { appFilesOf } from '../docs/docBlocks.js';
import { twoDevicesSignOneOut } from './consumerFlow.js';
import { type ExpressHost, startExpressHost } from './expressHost.js';

let host: ExpressHost | undefined;
let browser: Browser;

beforeAll(async () => {
  const files = appFilesOf('docs/express.md');
  vitestExpect([...files.keys()].sort()).toEqual(['server.ts', 'src/SecuritySection.tsx']);
  host = await startExpressHost({ name: 'express-host', files, server: 'server.ts' });
  browser = await chromium.launch(chromiumLaunch);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe("a fresh Express 5 app from docs/express.md's files and the packed package", () => {
  it('lists both devices, signs one out with the password, and the other leaves live', async () => {
    await twoDevicesSignOneOut({
      browser,
      signIn: (page) => (host as ExpressHost).signIn(page),
      signedOutPath: /\/login$/,
    });
  });
});
