import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// Every dependency and peer stays external: the host's bundler resolves (and deduplicates) them.
const externals = [...Object.keys(pkg.peerDependencies), ...Object.keys(pkg.dependencies)];
const isExternal = (id: string) => externals.some((name) => id === name || id.startsWith(`${name}/`));

// The entries a host imports; each is a path in package.json's "exports".
export const libraryEntries = {
  index: 'src/index.ts',
  memory: 'src/memory/index.ts',
  testing: 'src/testing/index.ts',
};

// Entries holding React components get 'use client' so React Server Components treat them as the
// client boundary. Rolldown drops module-level directives, so the banner re-adds it to the built file.
const clientEntries = new Set(['index']);

export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    lib: { entry: libraryEntries, formats: ['es'] },
    rolldownOptions: {
      external: isExternal,
      output: {
        banner: (chunk) => (chunk.isEntry && clientEntries.has(chunk.name) ? "'use client';" : ''),
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
    sourcemap: true,
    minify: false,
    emptyOutDir: true,
  },
});
