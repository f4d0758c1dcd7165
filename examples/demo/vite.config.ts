import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// The demo is a host app: it imports `profilekit` by its package name, which resolves through the
// package's own "exports" to the built dist/, exactly as an installed copy would.
export default defineConfig({
  root: here,
  plugins: [react()],
  build: { outDir: path.join(here, 'dist'), emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
