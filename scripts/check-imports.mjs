#!/usr/bin/env node
// The run-time module graph of src/, from esbuild's metafile (type-only imports are erased, as in the
// build), checked for import cycles and for imports that skip or invert a layer (docs: DESIGN.md,
// "Layers"). A step of the test command and a unit test; `node scripts/check-imports.mjs` prints what
// it finds.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { entryPoints } from './api-report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Which folders of src/ a folder must not import at run time, and why. A folder is the first path part
 * under src/ (admin/ by its second part too, since it repeats the user half's layers).
 */
export const FORBIDDEN = [
  // contract/ is the HTTP contract's vocabulary, shared by both halves: the bottom layer.
  { from: /^src\/contract\//, to: /^src\/(?!contract\/)/, why: 'the HTTP contract depends on nothing' },
  {
    from: /^src\/provider\//,
    to: /^src\/(?!provider\/|contract\/|internal\/)/,
    why: 'the provider contract depends only on the HTTP contract',
  },
  {
    from: /^src\/format\//,
    to: /^src\/(data|registry|components|admin)\//,
    why: 'format/ is pure: it names and formats, it does not fetch or render',
  },
  {
    from: /^src\/(data|messages)\//,
    to: /^src\/(format|registry|components|admin)\//,
    why: 'the data layer and the texts sit below the UI',
  },
  {
    from: /^src\/(?!admin\/|memory\/|better-auth\/)/,
    to: /^src\/admin\//,
    why: 'only the admin entry and the adapters that implement its contract know the admin half',
  },
  {
    from: /^src\/(memory|better-auth)\//,
    to: /^src\/admin\/(?!provider\/)/,
    why: 'adapters implement the admin contract (admin/provider/), never its React half',
  },
  {
    from: /^src\/(rest|better-auth|memory|testing)\//,
    to: /^src\/(data|format|registry|components)\//,
    why: 'adapters turn a backend into a provider; they know nothing of React',
  },
  {
    from: /^src\/(?!next\/)/,
    to: /^src\/next\//,
    why: 'the Next.js glue sits on top of both halves: nothing else depends on it',
  },
  {
    from: /^src\/admin\/(provider|data|messages|format)\//,
    to: /^src\/(registry|components|admin\/(registry|components))\//,
    why: 'the admin data layer and texts sit below the admin UI, as on the user side',
  },
];

/** The run-time imports between src/ files, as esbuild bundles every entry point. */
export async function moduleGraph() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: entryPoints().map((e) => e.source),
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'out',
    format: 'esm',
    platform: 'neutral',
    packages: 'external',
    logLevel: 'silent',
  });
  const graph = new Map();
  for (const [file, { imports }] of Object.entries(result.metafile.inputs)) {
    if (!file.startsWith('src/')) continue;
    graph.set(
      file,
      imports.filter((i) => !i.external && i.path.startsWith('src/')).map((i) => i.path),
    );
  }
  return graph;
}

/** Every cycle, as the files on it (Tarjan's strongly connected components, plus self-imports). */
export function findCycles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Imports that break a rule of FORBIDDEN: `from → to (why)`. */
export function findLayerViolations(graph) {
  const found = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const rule = FORBIDDEN.find((r) => r.from.test(from) && r.to.test(to));
      if (rule) found.push(`${from} → ${to} (${rule.why})`);
    }
  }
  return found;
}

// Type imports too: the user half names nothing of the admin half, not even a type (its registry once
// listed the admin components and parts). Adapters that implement the admin contract may name its types.
const USER_HALF = /^src\/(?!admin\/|memory\/|better-auth\/|rest\/)/;
const ADMIN_IMPORT = /from '(?:\.\.?\/)+admin\//;

/** Files of the user half whose source names the admin half at all (a type import included). */
export function findAdminMentions() {
  const found = [];
  for (const entry of readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const file = path.relative(root, path.join(entry.parentPath, entry.name));
    if (USER_HALF.test(file) && ADMIN_IMPORT.test(readFileSync(path.join(root, file), 'utf8')))
      found.push(`${file} imports from admin/ (the user half knows nothing of the admin half)`);
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const graph = await moduleGraph();
  const cycles = findCycles(graph);
  const violations = [...findLayerViolations(graph), ...findAdminMentions()];
  for (const cycle of cycles) console.error(`✖ import cycle through: ${cycle.join(', ')}`);
  for (const violation of violations) console.error(`✖ layer: ${violation}`);
  if (cycles.length + violations.length > 0) process.exit(1);
  console.log(`No import cycles and no layer skipped (${graph.size} modules).`);
}
