// The TypeScript and TSX blocks of README.md and docs/, as a host would copy them: compiled by
// codeBlocks.test.ts, and the app-file blocks assembled into real apps by the consumer tests.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Block {
  file: string;
  line: number;
  lang: 'ts' | 'tsx';
  code: string;
}

/**
 * A block headed by its path (`// app/page.tsx`) is a file of one app: blocks import each other by
 * relative path, as in the app (docs/next.md). Such files of every page meet in one folder, so a file shown
 * in two places (the README and its host page) must be the same file.
 */
export const APP_FILE_HEADER = /^\/\/ ((?:[\w.-]+|\[\.{3}\w+\])(?:\/(?:[\w.-]+|\[\.{3}\w+\]))*\.tsx?)\n/;
export const appFilePath = (block: { code: string }) => APP_FILE_HEADER.exec(block.code)?.[1];

export function blocksOf(file: string): Block[] {
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

export const files = [
  'README.md',
  ...readdirSync(path.join(root, 'docs')).map((name) => `docs/${name}`),
].filter((file) => file.endsWith('.md'));
export const blocks = files.flatMap(blocksOf);

/** The app files a page shows (`// app/page.tsx` blocks), path → code. */
export function appFilesOf(file: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const block of blocksOf(file)) {
    const appFile = appFilePath(block);
    if (appFile) found.set(appFile, block.code);
  }
  return found;
}
