import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const dirname = path.dirname(fileURLToPath(import.meta.url));

// A test's time limit is a guard against a hang, never a speed check (speed lives in bench/): generous
// enough that a machine loaded by other work passes, as CI runners and laptops are.
const HANG_GUARD_MS = 60_000;

// React 18 (package.json "config.react18"), installed beside the project by scripts/ensure-react18.mjs,
// which the test command runs: the unit suite runs a second time against it, since hosts on either major
// must work.
const react18 = path.join(dirname, '.cache/react18/node_modules');
const react18Project: TestProjectInlineConfiguration = {
  extends: true,
  resolve: {
    // ESM builds first: a CommonJS build would require() React 19 behind Vite's back.
    mainFields: ['module', 'main'],
    alias: [
      { find: /^react$/, replacement: path.join(react18, 'react') },
      { find: /^react\/(.*)$/, replacement: path.join(react18, 'react/$1') },
      { find: /^react-dom$/, replacement: path.join(react18, 'react-dom') },
      { find: /^react-dom\/(.*)$/, replacement: path.join(react18, 'react-dom/$1') },
      // Testing Library's CommonJS build would require() React 19 past Vite; its ESM build imports.
      {
        find: /^@testing-library\/react$/,
        replacement: path.join(
          dirname,
          'node_modules/@testing-library/react/dist/@testing-library/react.esm.js',
        ),
      },
    ],
  },
  test: {
    name: 'unit (react 18)',
    environment: 'jsdom',
    testTimeout: HANG_GUARD_MS,
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup/unit.ts'],
    // Dependencies go through Vite too, so Testing Library, TanStack Query and Radix get React 18 as well.
    server: { deps: { inline: true } },
  },
};

// Debian's chromium (browsers cannot be downloaded here). The flags keep it off the closed network.
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

// A factory, not a shared object: Vitest mutates `instances`, and one object shared by two projects made
// the second report under the first one's name.
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunch }),
  instances: [{ browser: 'chromium' as const }],
});

// Tests of layout next to the page's scrollbar: desktop Chromium draws a classic scrollbar that takes room,
// but Playwright launches it with --hide-scrollbars, so these run in a Chromium of their own without it.
const classicScrollbarTests = ['test/browser/scrollLock.test.tsx'];

// Pre-bundled up front: discovering these mid-run makes Vite reload the browser under a running test.
export const browserDependencies = [
  'axe-core',
  'bowser',
  'date-fns',
  'date-fns/locale',
  '@radix-ui/react-dialog',
  '@radix-ui/react-slot',
  '@tanstack/react-query',
  '@tanstack/react-virtual',
  '@testing-library/react',
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-dev-runtime',
];

export default defineConfig({
  plugins: [react()],
  optimizeDeps: { include: browserDependencies },
  resolve: {
    // The example host imports the server half by package name; tests run it from source (tsx does the
    // same through tsconfig's paths), so a stale dist/ can never pass for the code under test.
    alias: [
      {
        find: /^profilekit\/server(\/sqlite|\/postgres|\/testing)?$/,
        replacement: path.join(dirname, 'src/server$1/index.ts'),
      },
    ],
  },
  test: {
    // expect.poll and expect.element wait for a condition; the limit is only when to give up.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          testTimeout: HANG_GUARD_MS,
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/unit.ts'],
        },
      },
      // Its own run (`npm run test:react18`, a step of the test command), so each major reports its count.
      ...(process.env.PROFILEKIT_REACT18 === '1' ? [react18Project] : []),
      {
        // Adapters against real servers over loopback HTTP and the real Better Auth library.
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.{ts,tsx}', 'test/server/**/*.test.ts'],
          // They need a PostgreSQL server: their own project, run inside scripts/with-postgres.mjs.
          exclude: ['test/server/postgres*.test.ts', 'test/postgres/**'],
          testTimeout: HANG_GUARD_MS,
        },
      },
      {
        // The built dist/ as React Server Components see it: where 'use client' is, what reaches React.
        extends: true,
        test: {
          name: 'package',
          environment: 'node',
          // The built package from a host's side: its tarball, its boundary, the docs' code compiled.
          include: ['test/package/**/*.test.ts', 'test/docs/**/*.test.ts'],
        },
      },
      {
        // The demo as `npm start` serves it, driven by playwright in Debian chromium: two contexts, two devices.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: HANG_GUARD_MS,
          hookTimeout: HANG_GUARD_MS,
          fileParallelism: false,
        },
      },
      {
        // examples/next as `next build` + `next start` serve it, and fresh Next.js and Express hosts built
        // outside the repo from the docs' files and the packed package, in Debian chromium. Its own step of
        // the test command (it builds the apps first): `vitest run --project next`.
        extends: true,
        test: {
          name: 'next',
          environment: 'node',
          include: ['test/next/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          // A busy machine's next build of a fresh app took 40 s; the limit is only when to give up.
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        // A real PostgreSQL 15 (a throwaway cluster the test command starts and removes): the store, several
        // instances over one database, LISTEN/NOTIFY.
        extends: true,
        test: {
          name: 'postgres',
          environment: 'node',
          include: ['test/server/postgres*.test.ts', 'test/postgres/**/*.test.ts'],
          testTimeout: HANG_GUARD_MS,
          hookTimeout: HANG_GUARD_MS,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.{ts,tsx}'] },
        },
      },
      {
        // Flows a user does, in a real Chromium: focus, keyboard, contrast.
        extends: true,
        test: {
          name: 'browser',
          testTimeout: HANG_GUARD_MS,
          include: ['test/browser/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/browser.ts'],
          browser: {
            ...chromium(),
            instances: [
              { browser: 'chromium', exclude: classicScrollbarTests },
              {
                browser: 'chromium',
                name: 'chromium, classic scrollbars',
                include: classicScrollbarTests,
                provider: playwright({
                  launchOptions: { ...chromiumLaunch, ignoreDefaultArgs: ['--hide-scrollbars'] },
                }),
              },
            ],
          },
        },
      },
      {
        // Every story in the catalogue runs as a test in Chromium, with its play function and an axe check.
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: { name: 'storybook', testTimeout: HANG_GUARD_MS, browser: chromium() },
      },
    ],
  },
});
