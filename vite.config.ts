import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

// Every dependency and peer stays external: the host's bundler resolves (and deduplicates) them.
const externals = [...Object.keys(pkg.peerDependencies), ...Object.keys(pkg.dependencies)];
// Node's built-ins (the server half's crypto, http, stream) stay external too.
const isExternal = (id: string) =>
  id.startsWith('node:') || externals.some((name) => id === name || id.startsWith(`${name}/`));

// The entries a host imports; each is a path in package.json's "exports".
export const libraryEntries = {
  index: 'src/index.ts',
  memory: 'src/memory/index.ts',
  testing: 'src/testing/index.ts',
  rest: 'src/rest/index.ts',
  'better-auth': 'src/better-auth/index.ts',
  admin: 'src/admin/index.ts',
  // The server half: no React, never imported by the client entries.
  server: 'src/server/index.ts',
  'server-sqlite': 'src/server/sqlite/index.ts',
  'server-postgres': 'src/server/postgres/index.ts',
  // The store suite, shipped: a store of anyone's runs it.
  'server-testing': 'src/server/testing/index.ts',
  // Next.js App Router glue: the client boundary, and the server side (route handlers, session, prefetch).
  next: 'src/next/index.ts',
  'next-server': 'src/next/server/index.ts',
  // The conformance kit: the contract's rules against any live backend, and its command-line entry.
  conformance: 'src/conformance/index.ts',
  'conformance-bin': 'src/conformance/bin.ts',
};

// React Server Components: 'use client' sits on exactly the source modules that need it (components,
// hooks, contexts), so a Server Component can import prefetchSessions, normalizeSessions, SessionsError and
// the contract's types from `profilekit` and get functions, not client references. One output module per
// source module (preserveModules) keeps that boundary, and Rolldown keeps a module's own directive when
// the module stays a file of its own (a bundled chunk would drop it). test/package checks the built files.

// The stylesheet ships as one explicit file (`profilekit/styles.css`), never injected by the JS.
const copyStylesheet = (): Plugin => ({
  name: 'profilekit-copy-stylesheet',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync('src/styles.css', 'utf8') });
  },
});

export default defineConfig({
  plugins: [react(), copyStylesheet()],
  publicDir: false,
  build: {
    lib: { entry: libraryEntries, formats: ['es'] },
    rolldownOptions: {
      external: isExternal,
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        // The entries keep their names (dist/index.js, dist/server.js, …: package.json "exports");
        // every other module lands under its source path (dist/components/SessionList.js).
        entryFileNames: '[name].js',
      },
    },
    // No maps: they would point at src/, which the package does not ship.
    sourcemap: false,
    minify: false,
    emptyOutDir: true,
  },
});
