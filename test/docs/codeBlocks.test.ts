// What a host copies is product (issue 22): every TypeScript and TSX block in README.md and docs/ is
// extracted and compiled with strict TypeScript against the built package, imported by name as a host
// imports it. The host's own things a block leans on (its users, its app) are declared in hostContext.d.ts,
// the modules its tooling declares in hostModules.d.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appFilePath, type Block, blocks } from './docBlocks.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Inside the package folder, so `profilekit` resolves to the built package through its own "exports".
const out = path.join(root, '.cache/doc-blocks');

describe('the code in README.md and docs/', () => {
  it('has TypeScript blocks to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  it('compiles, block by block, with strict TypeScript against the built package', () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const appFiles = new Map<string, Block>();
    const names = blocks.map((block, index) => {
      const appFile = appFilePath(block);
      if (appFile) {
        const shown = appFiles.get(appFile);
        expect(
          shown?.code ?? block.code,
          `${appFile} in ${block.file}:${block.line} and ${shown?.file}:${shown?.line}`,
        ).toBe(block.code);
        appFiles.set(appFile, block);
        mkdirSync(path.dirname(path.join(out, 'app-files', appFile)), { recursive: true });
        writeFileSync(path.join(out, 'app-files', appFile), block.code);
        return [`app-files/${appFile}`, block] as const;
      }
      const name = `${block.file.replace(/\W+/g, '_')}_${block.line}.${block.lang}`;
      // Each block is a module of its own: its names never meet another block's.
      const code = /^\s*(import|export)\s/m.test(block.code) ? block.code : `${block.code}\nexport {};\n`;
      writeFileSync(path.join(out, name), code);
      return [name, blocks[index] as Block] as const;
    });
    writeFileSync(
      path.join(out, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          jsx: 'react-jsx',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: ['node'],
          skipLibCheck: true,
          allowSyntheticDefaultImports: true,
        },
        include: [
          '*.ts',
          '*.tsx',
          'app-files/**/*',
          ...['hostContext.d.ts', 'hostModules.d.ts'].map((name) =>
            path.relative(out, path.join(root, 'test/docs', name)),
          ),
        ],
      }),
    );
    let output = '';
    try {
      execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', out], { cwd: out, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    // Each error pointed back at its Markdown file and line.
    const errors = output
      .split('\n')
      .filter((line) => / error TS/.test(line))
      .map((line) => {
        const match = /^([^()]+)\((\d+),\d+\): (.*)$/.exec(line);
        const block = names.find(([name]) => match?.[1]?.endsWith(name))?.[1];
        return block && match ? `${block.file}:${block.line + Number(match[2]) - 1}: ${match[3]}` : line;
      });
    expect(errors).toEqual([]);
  }, 120_000);
});
