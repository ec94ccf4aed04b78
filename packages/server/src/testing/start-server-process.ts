import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { KeyService } from '../services/key-service.js';
import { openStore } from '../store/open-store.js';
import { tempDbPath } from './temp-db.js';

// From source under Vitest (tsx loads the .ts), from dist once built.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const RUN = fileURLToPath(new URL(`../cli/run.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url));
const NODE_ARGS = FROM_SOURCE ? ['--conditions=tally-source', '--import', 'tsx'] : [];
// The build, as `npm start` runs it (benchmarks: tsx's per-function helpers cost time at run time).
const BUILT = fileURLToPath(new URL(`../../dist/cli/run.js`, import.meta.url));
// The V8 flags bin/tally.js runs with.
const SERVER_FLAGS = ['--max-semi-space-size=32'];

export interface ServerProcess {
  url: string;
  apiKey: string;
  dbPath: string;
  child: ChildProcess;
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port and database. */
  restart(): Promise<void>;
  /** SIGTERM, then removes the database unless it was given. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitReady(url: string, child: ChildProcess, deadline = Date.now() + 20_000): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not become ready in time');
}

/** Runs a real server as a child process (from source), so a test can SIGKILL it. */
export async function startServerProcess(opts: { dbPath?: string; env?: Record<string, string>; built?: boolean } = {}): Promise<ServerProcess> {
  const temp = opts.dbPath ? undefined : tempDbPath();
  const dbPath = opts.dbPath ?? temp!.path;
  const store = await openStore({ url: dbPath });
  const { secret } = await new KeyService(store).create({ mode: 'test_mode', name: 'process' });
  await store.close();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const launch = () => spawn(
    process.execPath,
    [...SERVER_FLAGS, ...(opts.built ? [BUILT] : [...NODE_ARGS, RUN]), 'serve', '--port', String(port), '--db', dbPath, '--log-level', 'warn'],
    { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, ...opts.env } },
  );
  const proc: ServerProcess = {
    url,
    apiKey: secret,
    dbPath,
    child: launch(),
    async kill(signal = 'SIGKILL') {
      const c = proc.child;
      if (c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill(signal);
      await exited;
    },
    async restart() {
      await proc.kill('SIGKILL');
      proc.child = launch();
      await waitReady(url, proc.child);
    },
    async stop() {
      await proc.kill('SIGTERM');
      temp?.remove();
    },
  };
  await waitReady(url, proc.child);
  return proc;
}
