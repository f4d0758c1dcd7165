#!/usr/bin/env node
// `node scripts/with-postgres.mjs <command> [args…]`: runs the command against a throwaway PostgreSQL 15
// cluster (its own temp folder, a free port on 127.0.0.1), with PROFILEKIT_PG_URL in its environment, then
// stops the cluster and removes the folder whatever happened (success, failure, Ctrl-C, SIGTERM), and exits
// with the command's code. The server refuses to run as root, so as root the cluster runs as `postgres`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = process.env.PROFILEKIT_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const log = (message) => console.error(`with-postgres: ${message}`);
const [command, ...args] = process.argv.slice(2);
if (!command) {
  log('usage: node scripts/with-postgres.mjs <command> [args…]');
  process.exit(2);
}

const isRoot = process.getuid?.() === 0;

function ensureInstalled() {
  if (existsSync(join(bin, 'initdb'))) return;
  if (!isRoot) {
    log(
      `PostgreSQL 15 is not installed (${join(bin, 'initdb')} is missing). Install it with ` +
        '`sudo apt-get install -y postgresql` (or point PROFILEKIT_PG_BIN at its bin folder), then run again.',
    );
    process.exit(1);
  }
  log('PostgreSQL 15 is missing: installing it with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const step of [
    ['update'],
    ['install', '-y', '--no-install-recommends', 'postgresql', 'postgresql-contrib'],
  ]) {
    const { status } = spawnSync('apt-get', step, { stdio: 'inherit', env });
    if (status !== 0) {
      log(`apt-get ${step[0]} failed (exit ${status}).`);
      process.exit(1);
    }
  }
  if (!existsSync(join(bin, 'initdb'))) {
    log(`apt-get installed PostgreSQL, but not at ${bin} (another major?): set PROFILEKIT_PG_BIN.`);
    process.exit(1);
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// As root, the cluster's commands run as `postgres`; as anyone else, as themselves.
const asPostgres = (file, fileArgs, options = {}) =>
  isRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, file), ...fileArgs], {
        encoding: 'utf8',
        ...options,
      })
    : spawnSync(join(bin, file), fileArgs, { encoding: 'utf8', ...options });

let dir = null;
let running = false;
function cleanup() {
  if (!dir) return;
  const folder = dir;
  dir = null;
  if (running) {
    running = false;
    let stop = asPostgres('pg_ctl', ['-D', join(folder, 'data'), '-m', 'fast', '-w', 'stop']);
    if (stop.status !== 0)
      stop = asPostgres('pg_ctl', ['-D', join(folder, 'data'), '-m', 'immediate', '-w', 'stop']);
    if (stop.status !== 0) log(`could not stop the cluster: ${stop.stderr?.trim()}`);
    else log('cluster stopped');
  }
  rmSync(folder, { recursive: true, force: true });
}
// Last resort: whatever path the process takes to its end, the cluster does not outlive it.
process.on('exit', cleanup);

let child = null;
let stopping = null;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) {
      // A second signal: stop waiting for the command.
      child?.kill('SIGKILL');
      return;
    }
    stopping = signal;
    if (child) child.kill(signal);
    else {
      cleanup();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    }
  });
}

function startCluster(port) {
  const data = join(dir, 'data');
  const options = `-k ${dir} -c listen_addresses=127.0.0.1 -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = asPostgres('pg_ctl', [
    '-D',
    data,
    '-o',
    options,
    '-l',
    join(dir, 'log'),
    '-w',
    '-t',
    '60',
    'start',
  ]);
  if (start.status === 0) {
    running = true;
    return true;
  }
  const serverLog = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
  log(`pg_ctl start failed on port ${port}:\n${start.stderr}${serverLog}`);
  // A failed start may leave a postmaster half up: make sure it is gone before another try.
  asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
  return false;
}

async function main() {
  ensureInstalled();
  const began = performance.now();
  dir = mkdtempSync(join(tmpdir(), 'profilekit-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const init = asPostgres('initdb', [
    '-D',
    join(dir, 'data'),
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);

  // The port is free when asked, but another process may take it before the server binds: try again.
  let port;
  for (let attempt = 1; attempt <= 3 && !running; attempt++) {
    if (stopping) return 1;
    port = await freePort();
    startCluster(port);
  }
  if (!running) throw new Error('the cluster would not start (see the log above).');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const version = asPostgres('postgres', ['--version']).stdout.trim();
  log(
    `${version} cluster started in ${((performance.now() - began) / 1000).toFixed(1)} s at ${url} (${dir})`,
  );

  if (stopping) return 1;
  child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, PROFILEKIT_PG_URL: url } });
  const code = await new Promise((resolve) => {
    child.once('error', (error) => {
      log(`could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.once('exit', (exitCode, signal) => {
      if (exitCode !== null) resolve(exitCode);
      else resolve(128 + ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 1));
    });
  });
  return code;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  code = 1;
} finally {
  cleanup();
}
process.exit(code);
