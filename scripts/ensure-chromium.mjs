#!/usr/bin/env node
// The browser suites drive Debian's chromium (browser downloads are impossible here). Install it when it
// is missing and we can (root + apt-get); otherwise stop with one sentence saying how.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function version() {
  const result = spawnSync(chromium, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

if (existsSync(chromium) && version()) {
  console.log(`chromium: ${version()}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(
    `Chromium was not found at ${chromium}; install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH to a Chromium binary) and run the tests again.`,
  );
  process.exit(1);
}

console.log('chromium is missing: installing Debian chromium with apt-get…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
const installed = version();
if (!installed) {
  console.error(`apt-get installed chromium but ${chromium} --version still fails.`);
  process.exit(1);
}
console.log(`chromium: ${installed}`);
