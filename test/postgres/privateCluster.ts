// A PostgreSQL cluster of one test file's own, to stop and start at will (the shared one from
// scripts/with-postgres.mjs serves every other file and must stay up). The same steps as that script:
// initdb into a temp folder, a free loopback port, `pg_ctl -w start` / `pg_ctl -m fast stop`; as root,
// every command runs as the `postgres` user (the server refuses to run as root).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './helpers.js';

const bin = process.env.PROFILEKIT_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

const command = (file: string, args: string[]): [string, string[]] =>
  isRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, file), ...args]] : [join(bin, file), args];

/** Runs one of the server's programs (as `postgres` when we are root) without blocking the event loop. */
function asPostgres(file: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const [program, programArgs] = command(file, args);
  return new Promise((resolve) => {
    const child = spawn(program, programArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', (error) => resolve({ code: -1, output: `${output}${error.message}` }));
    child.once('close', (code) => resolve({ code, output }));
  });
}

export interface PrivateCluster {
  port: number;
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust authentication, loopback only). */
  url: string;
  dir: string;
  running(): boolean;
  /** Starts the server on the same data folder and port; resolves once it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl -m fast stop -w`: open connections are terminated, the data is checkpointed. */
  stop(): Promise<void>;
  /** Stops the server if it runs and removes the folder. Safe to call twice. */
  remove(): Promise<void>;
}

export async function createPrivateCluster(): Promise<PrivateCluster> {
  if (!existsSync(join(bin, 'initdb'))) {
    throw new Error(`PostgreSQL 15 is not installed at ${bin} (set PROFILEKIT_PG_BIN).`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'profilekit-pg-private-'));
  const data = join(dir, 'data');
  let running = false;
  let removed = false;
  // Last resort: a worker that dies before afterAll leaves no server behind.
  const onExit = () => {
    if (running) spawnSync(...command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']));
    if (!removed) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  const remove = async () => {
    if (removed) return;
    if (running) {
      let stop = await asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      if (stop.code !== 0) stop = await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      running = stop.code !== 0;
    }
    removed = true;
    rmSync(dir, { recursive: true, force: true });
    process.removeListener('exit', onExit);
  };

  try {
    if (isRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, uid, gid);
    }
    const init = await asPostgres('initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    if (init.code !== 0) throw new Error(`initdb failed:\n${init.output}`);

    let port = 0;
    const startOn = async (candidate: number) => {
      const options = `-k ${dir} -c listen_addresses=127.0.0.1 -p ${candidate} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      const started = await asPostgres('pg_ctl', [
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
      if (started.code === 0) {
        running = true;
        return null;
      }
      await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
      return `pg_ctl start failed on port ${candidate}:\n${started.output}${log}`;
    };
    // The port is free when asked; another process may take it before the server binds: try again.
    let failure: string | null = 'not tried';
    for (let attempt = 1; attempt <= 3 && failure !== null; attempt++) {
      port = await freePort();
      failure = await startOn(port);
    }
    if (failure !== null) throw new Error(failure);

    return {
      port,
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      dir,
      running: () => running,
      async start() {
        if (running) return;
        // The same port again: what the instance's pool and event bus reconnect to.
        const failed = await startOn(port);
        if (failed !== null) throw new Error(failed);
      },
      async stop() {
        if (!running) return;
        const stopped = await asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
        if (stopped.code !== 0) throw new Error(`pg_ctl stop failed:\n${stopped.output}`);
        running = false;
      },
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
