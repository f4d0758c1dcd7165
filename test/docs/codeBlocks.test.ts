// What a host copies is product (issue 22): every TypeScript and TSX block in README.md and docs/ is
// extracted and compiled with strict TypeScript against the built package, imported by name as a host
// imports it. The host's own things a block leans on (its users, its app) are declared in hostContext.d.ts,
// the modules its tooling declares in hostModules.d.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Inside the package folder, so `profilekit` resolves to the built package through its own "exports".
const out = path.join(root, '.cache/doc-blocks');

interface Block {
  file: string;
  line: number;
  lang: 'ts' | 'tsx';
  code: string;
}

function blocksOf(file: string): Block[] {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  let open: Block | undefined;
  lines.forEach((text, index) => {
    const fence = /^```(\w*)\s*$/.exec(text);
    if (open && fence && fence[1] === '') {
      blocks.push(open);
      open = undefined;
    } else if (open) {
      open.code += `${text}\n`;
    } else if (fence && (fence[1] === 'ts' || fence[1] === 'tsx')) {
      open = { file, line: index + 2, lang: fence[1], code: '' };
    }
  });
  return blocks;
}

const files = ['README.md', ...readdirSync(path.join(root, 'docs')).map((name) => `docs/${name}`)].filter(
  (file) => file.endsWith('.md'),
);
const blocks = files.flatMap(blocksOf);

describe('the code in README.md and docs/', () => {
  it('has TypeScript blocks to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  it('compiles, block by block, with strict TypeScript against the built package', () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const names = blocks.map((block, index) => {
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
