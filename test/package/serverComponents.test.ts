// The built package as React Server Components see it: reads dist/ (run after `npm run build`), never the
// config that made it. A Server Component, a route handler and middleware import `profilekit` and
// `profilekit/server`; what they may call must come from modules without 'use client', and the server half
// must never reach React.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

interface Module {
  file: string;
  useClient: boolean;
  /** Bare imports (packages) with the names taken from each. */
  packages: { from: string; names: string[] }[];
  /** Relative imports and re-exports, resolved to dist paths. */
  local: string[];
  /** The names taken from each relative import. */
  localNames: { from: string; names: string[] }[];
}

const modules = new Map<string, Module>();

function parse(file: string): Module {
  const source = readFileSync(path.join(dist, file), 'utf8');
  const packages: Module['packages'] = [];
  const local: string[] = [];
  const localNames: Module['localNames'] = [];
  // Rolldown's ES output: `import { a, b as c } from "x";`, `import * as x from "x";`, `import "x";`,
  // `export { a } from "x";`, each at the start of a line.
  const statement = /^(import|export)\s+(?:([^;]*?)\s+from\s+)?"([^"]+)";?$/gm;
  for (const [, keyword, clause = '', from] of source.matchAll(statement)) {
    if (from === undefined) continue;
    const names = [...clause.matchAll(/([\w$]+)(?:\s+as\s+[\w$]+)?/g)].map((m) => m[1] as string);
    if (from.startsWith('.')) {
      const target = path.posix.join(path.posix.dirname(file), from);
      local.push(target);
      // Re-exports only pass a name on; what a module imports is what it may call.
      if (keyword === 'import') localNames.push({ from: target, names });
      continue;
    }
    packages.push({ from, names });
  }
  // Only the first statement counts: a directive anywhere else is no directive.
  const useClient = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use client["'];?/.test(source);
  return { file, useClient, packages, local, localNames };
}

function walk(dir = ''): string[] {
  return readdirSync(path.join(dist, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'types' ? [] : walk(file);
    return entry.name.endsWith('.js') ? [file] : [];
  });
}

/** Every module a module reaches through static imports and re-exports, itself included. */
function reach(entry: string): Module[] {
  const seen = new Set<string>();
  const order: Module[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const module = modules.get(file);
    if (!module) throw new Error(`${file} is imported but not in dist/`);
    order.push(module);
    for (const next of module.local) visit(next);
  };
  visit(entry);
  return order;
}

/** What runs only on the client: React's hooks and JSX runtime, and the React libraries built on them. */
const REACT_PACKAGE = /^(react|react-dom)(\/|$)|^@radix-ui\/|^@tanstack\/react-virtual$/;
// From TanStack Query, the hooks and components need a client; QueryClient, queryOptions, dehydrate are
// meant for the server too.
const CLIENT_QUERY_NAME = /^use[A-Z]|Provider$|Context$|^HydrationBoundary$|^IsRestoring/;
const needsClient = (module: Module) =>
  module.packages.some(
    ({ from, names }) =>
      REACT_PACKAGE.test(from) ||
      (from === '@tanstack/react-query' && names.some((name) => CLIENT_QUERY_NAME.test(name))),
  );
const touchesReact = (module: Module) =>
  module.packages.some(({ from }) => REACT_PACKAGE.test(from) || from.startsWith('@tanstack/react-'));

/** The module that defines a name: it exports it and imports it from nowhere (the entries re-export). */
function definingModule(name: string): Module {
  const exportsOwn = new RegExp(
    `^export\\s+(?:async\\s+)?(?:function|class|const|let)\\s+${name}\\b|^export\\s*\\{[^}]*\\b${name}\\b[^}]*\\};?$`,
    'm',
  );
  const importsIt = new RegExp(`^import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from`, 'm');
  const defining = [...modules.values()].filter((m) => {
    const source = readFileSync(path.join(dist, m.file), 'utf8');
    return exportsOwn.test(source) && !importsIt.test(source);
  });
  expect(
    defining.map((m) => m.file),
    `exactly one dist module defines ${name}`,
  ).toHaveLength(1);
  return defining[0] as Module;
}

beforeAll(() => {
  if (!existsSync(path.join(dist, 'index.js')))
    throw new Error('dist/ is missing: run `npm run build` first.');
  for (const file of walk()) modules.set(file, parse(file));
});

describe('the built package, for React Server Components', () => {
  it('ships one module per source module, so each keeps its own directive', () => {
    expect(modules.size).toBeGreaterThan(50);
    for (const entry of ['index.js', 'admin.js', 'server.js', 'server-sqlite.js', 'rest.js', 'memory.js']) {
      expect(modules.has(entry), entry).toBe(true);
    }
  });

  it("starts every module that uses React's hooks, context or JSX runtime with 'use client'", () => {
    const missing = [...modules.values()].filter((m) => needsClient(m) && !m.useClient).map((m) => m.file);
    expect(missing).toEqual([]);
    // And the boundary is really there: the components, the hooks and the provider are client modules.
    for (const file of [
      'components/SessionList.js',
      'components/LastActive.js',
      'data/useSessions.js',
      'registry/SessionsProvider.js',
      'admin/components/AdminSessionsTable.js',
    ]) {
      expect(modules.get(file)?.useClient, file).toBe(true);
    }
  });

  it("starts every module that calls a hook from a client module with 'use client' too", () => {
    // A server-safe module may import a client module's component (a client reference), but a hook it
    // calls runs where it runs: in a Server Component, that breaks.
    // An entry that imports a hook only to export it again calls nothing: a call is the name and `(`.
    const calls = (m: Module, name: string) =>
      new RegExp(`[^\\w$.]${name.replaceAll('$', '\\$')}\\(`).test(
        readFileSync(path.join(dist, m.file), 'utf8'),
      );
    const callers = [...modules.values()].filter(
      (m) =>
        !m.useClient &&
        m.localNames.some(
          ({ from, names }) =>
            modules.get(from)?.useClient && names.some((name) => /^use[A-Z]/.test(name) && calls(m, name)),
        ),
    );
    expect(callers.map((m) => m.file)).toEqual([]);
  });

  it("keeps the entries themselves free of 'use client': they only re-export", () => {
    for (const entry of ['index.js', 'admin.js', 'rest.js', 'memory.js', 'testing.js', 'better-auth.js']) {
      expect(modules.get(entry)?.useClient, entry).toBe(false);
    }
  });

  it('defines prefetchSessions, normalizeSessions and SessionsError in server-safe modules, all the way down', () => {
    for (const name of ['prefetchSessions', 'normalizeSessions', 'SessionsError', 'isSessionsError']) {
      const module = definingModule(name);
      const graph = reach(module.file);
      expect(
        graph.filter((m) => m.useClient || needsClient(m)).map((m) => m.file),
        `${name} (${module.file}) reaches no client module`,
      ).toEqual([]);
    }
  });

  it('keeps the REST adapter usable on the server too', () => {
    const graph = reach('rest.js');
    expect(graph.filter((m) => m.useClient || touchesReact(m)).map((m) => m.file)).toEqual([]);
  });

  it('never lets profilekit/server reach React', () => {
    for (const entry of [...modules.keys()].filter((file) => /^server[^/]*\.js$/.test(file))) {
      const graph = reach(entry);
      expect(graph.length, entry).toBeGreaterThan(1);
      expect(
        graph.filter((m) => m.useClient || touchesReact(m)).map((m) => m.file),
        `${entry} reaches no React`,
      ).toEqual([]);
    }
  });

  it('keeps profilekit/next/server free of client modules, and profilekit/next a client boundary', () => {
    // Route handlers and Server Components import next-server.js: what it reaches must run on the server.
    const graph = reach('next-server.js');
    expect(graph.filter((m) => m.useClient || needsClient(m)).map((m) => m.file)).toEqual([]);
    expect(modules.get('next-server.js')?.packages.map((p) => p.from)).not.toContain('react');
    // The component a Server Component page renders is a client reference.
    expect(modules.get('next/NextSessionsProvider.js')?.useClient).toBe(true);
    expect(modules.get('next.js')?.useClient).toBe(false);
  });
});
