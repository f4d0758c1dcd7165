// What `npm install profilekit` puts in node_modules (issue 22): the docs the README links to travel with
// the package, no source map points at sources it does not ship, and the package says where it lives.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
) as [{ files: { path: string }[] }];
const files = packed[0].files.map((file) => file.path);
const shipped = (target: string) =>
  files.includes(target) || files.some((file) => file.startsWith(`${target.replace(/\/$/, '')}/`));

/** The relative links of a Markdown file, resolved against the package root. */
function relativeLinks(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map(([, href]) => (href ?? '').split('#')[0] ?? '')
    .filter((href) => href !== '' && !/^[a-z]+:/i.test(href))
    .map((href) => path.posix.normalize(path.posix.join(path.posix.dirname(file), href)));
}

describe('the packed package', () => {
  it('holds the built code, the README and every page it links to', () => {
    expect(files).toContain('dist/index.js');
    const markdown = files.filter((file) => file.endsWith('.md'));
    expect(markdown).toEqual(expect.arrayContaining(['README.md', 'docs/server.md', 'bench/RESULTS.md']));
    const dead = markdown.flatMap((file) =>
      relativeLinks(file)
        .filter((target) => !shipped(target))
        .map((target) => `${file} → ${target}`),
    );
    expect(dead).toEqual([]);
  });

  it('ships no source maps (they would point at src/, which it does not ship)', () => {
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('says where it lives: repository, homepage and where to report a bug', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(manifest.repository?.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs?.url).toMatch(/^https:\/\/.+\/issues$/);
  });
});
