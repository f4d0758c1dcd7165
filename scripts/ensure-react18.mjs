#!/usr/bin/env node
// The unit suite runs a second time against React 18 (hosts on either major must work). React 18 lives
// beside the project in .cache/react18, at the version package.json's "config.react18" pins; Vitest's
// "unit (react 18)" project points react and react-dom there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const version = JSON.parse(readFileSync('package.json', 'utf8')).config.react18;
const prefix = '.cache/react18';
const installed = (name) => {
  const file = `${prefix}/node_modules/${name}/package.json`;
  return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).version === version;
};

if (installed('react') && installed('react-dom')) {
  console.log(`react 18: ${version} in ${prefix}`);
  process.exit(0);
}
mkdirSync(prefix, { recursive: true });
console.log(`installing react@${version} and react-dom@${version} into ${prefix}…`);
const { status } = spawnSync(
  'npm',
  [
    'install',
    '--prefix',
    prefix,
    '--no-audit',
    '--no-fund',
    '--no-package-lock',
    `react@${version}`,
    `react-dom@${version}`,
  ],
  { stdio: 'inherit' },
);
if (status !== 0 || !installed('react') || !installed('react-dom')) {
  console.error(`Could not install React ${version} into ${prefix}; the React 18 unit run needs it.`);
  process.exit(1);
}
