// The shipped store suite, from outside the repo (issue 20): a folder of its own whose node_modules holds
// the built package, a store of its own written there, and `profilekit/server/testing` run against it with
// plain Node, no test runner.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const folder = mkdtempSync(path.join(tmpdir(), 'profilekit-outside-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// A store someone writes for their own database: here it keeps rows in its own Map-backed store and
// counts its calls, which is all the suite needs to see.
const STORE = `
import { createMemorySessionStore } from 'profilekit/server';
import { runSessionStoreSuite } from 'profilekit/server/testing';

let calls = 0;
function createCountingStore() {
  const inner = createMemorySessionStore();
  return new Proxy(inner, {
    get(target, name) {
      const value = target[name];
      return typeof value === 'function' ? (...args) => { calls += 1; return value.apply(target, args); } : value;
    },
  });
}

const { passed, failed } = await runSessionStoreSuite({ createStore: createCountingStore });
console.log(JSON.stringify({ passed, failed: failed.map((f) => f.name), calls }));
`;

describe('profilekit/server/testing outside the repo', () => {
  it('runs against a store written elsewhere, importing the built package by name', async () => {
    mkdirSync(path.join(folder, 'node_modules'));
    symlinkSync(root, path.join(folder, 'node_modules', 'profilekit'), 'dir');
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ type: 'module', private: true }));
    writeFileSync(path.join(folder, 'my-store.mjs'), STORE);
    const output = await new Promise<string>((resolve, reject) =>
      execFile('node', ['my-store.mjs'], { cwd: folder, timeout: 60_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
    expect(result.failed).toEqual([]);
    expect(result.passed).toBeGreaterThanOrEqual(12);
    expect(result.calls).toBeGreaterThan(100);
  });
});
