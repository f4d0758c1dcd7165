import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

// Turbopack reads nothing outside its root. The root is the repository (profilekit's package.json, whose
// "exports" the example imports by name, and node_modules); where node_modules is a symlink elsewhere (a
// git worktree sharing one install), the root widens to the folder holding both.
function commonAncestor(a: string, b: string): string {
  const partsA = a.split(path.sep);
  const partsB = b.split(path.sep);
  let i = 0;
  while (i < partsA.length && partsA[i] === partsB[i]) i++;
  return partsA.slice(0, i).join(path.sep) || path.sep;
}
const workspaceRoot = commonAncestor(
  repoRoot,
  path.dirname(realpathSync(path.join(repoRoot, 'node_modules'))),
);

const nextConfig: NextConfig = {
  turbopack: { root: workspaceRoot },
  outputFileTracingRoot: workspaceRoot,
  poweredByHeader: false,
  env: {
    // The test's proof that it catches a hydration mismatch: a build with this set renders Date.now().
    PROFILEKIT_NEXT_INJECT_MISMATCH: process.env.PROFILEKIT_NEXT_INJECT_MISMATCH ?? '',
  },
};

export default nextConfig;
