// A fresh host's node_modules, as `npm install profilekit` leaves it: the packed tarball unpacked into
// node_modules/profilekit, beside the dependencies it and the host need (the repository's, hard-linked
// as a package manager's store links them: no registry needed, and nothing resolves back into the repo).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Installs the packed package (`npm pack` of the built dist/) and the dependencies into `host`. `extras` are
 * the host's own packages at the exact versions it pins (the repository's devDependencies, so the same
 * ones): a version that differs fails here, not as a puzzling failure of the host.
 */
export function installPackedPackage(host: string, extras: Record<string, string> = {}) {
  const modules = path.join(repoRoot, 'node_modules');
  const linked = spawnSync('cp', ['-al', modules, path.join(host, 'node_modules')]);
  if (linked.status !== 0) execFileSync('cp', ['-a', modules, path.join(host, 'node_modules')]);
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', host], {
      cwd: repoRoot,
      encoding: 'utf8',
    }),
  ) as [{ filename: string }];
  const target = path.join(host, 'node_modules', 'profilekit');
  mkdirSync(target);
  execFileSync('tar', ['-xzf', path.join(host, packed[0].filename), '-C', target, '--strip-components=1']);
  for (const [name, version] of Object.entries(extras)) {
    const manifest = path.join(host, 'node_modules', name, 'package.json');
    const installed = existsSync(manifest)
      ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
      : undefined;
    if (installed !== version) {
      throw new Error(
        `the host wants ${name}@${version} but has ${installed ?? 'none'}: pin it in package.json's devDependencies`,
      );
    }
  }
}
