import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { browserDependencies, chromiumLaunch } from '../vitest.config.js';

// Benchmarks run in the same Debian chromium as the browser tests, one file at a time, never in CI's
// test command: `npm run bench` runs them and writes bench/RESULTS.md.
export default defineConfig({
  plugins: [react()],
  optimizeDeps: { include: [...browserDependencies, 'react-dom/profiling', 'react/jsx-runtime'] },
  // Production React: development checks would dominate what is measured.
  define: { 'process.env.NODE_ENV': '"production"' },
  resolve: {
    conditions: ['production'],
    // React's profiling build: production speed, and <Profiler> still reports (the re-render count needs it).
    alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }],
  },
  test: {
    name: 'bench',
    include: ['bench/browser/**/*.bench.test.tsx'],
    testTimeout: 300_000,
    fileParallelism: false,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: chromiumLaunch }),
      instances: [{ browser: 'chromium' }],
      viewport: { width: 1280, height: 900 },
    },
  },
});
