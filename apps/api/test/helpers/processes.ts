import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/** Portal and worker processes, started as production starts them (`server.ts`, `worker.ts`), for scale-out and crash tests. */
const API_SRC = path.resolve(import.meta.dirname, '../../src');

export interface RunningProcess {
  process: ChildProcess;
  output: () => string;
  /** Ends it as systemd would (SIGTERM) and waits. */
  stop(): Promise<void>;
  /** SIGKILL: no clean-up of any kind, as when a machine is lost. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function start(entry: 'server.ts' | 'worker.ts', env: Record<string, string>, ready: (output: string) => boolean, timeoutMs = 60_000): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(API_SRC, entry)], {
    // Info level at least: readiness is read from the start-up line.
    env: { ...process.env, ...env, LOG_LEVEL: env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace' ? env.LOG_LEVEL : 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never outlive the test or benchmark that started it, however that ends.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  void exited.then(() => process.off('exit', orphanGuard));
  const running: RunningProcess = {
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready after ${timeoutMs} ms:\n${output.slice(-3000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready(output)) {
        clearTimeout(timer);
        resolve(running);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${output.slice(-3000)}`));
    });
  });
}

export async function startPortalProcess(env: Record<string, string>): Promise<RunningProcess & { url: string }> {
  const port = await freePort();
  const running = await start('server.ts', { HOST: '127.0.0.1', PORT: String(port), WEB_DIST_DIR: '/nonexistent', ...env }, (output) => output.includes('Sync Admin is ready'));
  return { ...running, url: `http://127.0.0.1:${port}` };
}

export function startWorkerProcess(env: Record<string, string>): Promise<RunningProcess> {
  return start('worker.ts', env, (output) => output.includes('is taking work'));
}
