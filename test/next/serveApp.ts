// A built app's server process on a free loopback port, for the hosts the next project serves: `next start`
// of a Next.js app, `node start.mjs` of a fresh Express host. Ready once `GET /api/csrf` answers 204 (every
// host serves the contract under /api); stopped with its whole process group.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface ServedApp {
  url: string;
  port: number;
  /** What the server printed (errors included). */
  output(): string;
  close(): Promise<void>;
}

/** Starts `command` (given the port it is to listen on) and waits up to 30 s for it to answer. */
export async function serveApp(
  name: string,
  command: (port: number) => { file: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv },
): Promise<ServedApp> {
  const port = await freePort();
  const { file, args, cwd, env } = command(port);
  const child: ChildProcess = spawn(file, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  // A process ended by a signal it does not handle has no exit code, only its signal.
  const running = () => child.exitCode === null && child.signalCode === null;
  const close = async () => {
    if (running() && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (running()) process.kill(-child.pid, 'SIGKILL');
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!running()) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    const up = await fetch(`${url}/api/csrf`).then(
      (response) => response.status === 204,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`${name} did not answer in 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, port, output: () => output, close };
}
