import { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../../errors/domain-error.js';
import type { EventWriter } from './event-writer.js';
import type { WriterRequest } from './writer-worker.js';

// From source (tests, tsx) the worker needs the TypeScript loader; built, it is plain JS.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = new URL(`./writer-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);

// Batches wait up to a second for their fold. A young generation that holds
// them (V8's default is a few MB) spares promoting each one to the old
// generation and collecting it there: 5-10% less CPU in the writer, measured.
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 96 };

type Pending = { resolve(v: unknown): void; reject(e: unknown): void };
type Request = WriterRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Runs event inserts and rollup folds on a writer thread with its own connection. */
export function threadWriter(path: string): EventWriter {
  // From source, a small script registers tsx in the new thread before loading the entry.
  const worker = FROM_SOURCE
    ? new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(ENTRY.href)}); })`, {
      eval: true, workerData: { path }, execArgv: ['--conditions=tally-source'], resourceLimits: RESOURCE_LIMITS,
    })
    : new Worker(ENTRY, { workerData: { path }, resourceLimits: RESOURCE_LIMITS });
  worker.unref();
  const waiting = new Map<number, Pending>();
  let next = 0;
  let dead: Error | undefined;
  worker.on('message', (m: { id: number; value?: unknown; error?: { message: string; code?: string; kind?: string } }) => {
    const p = waiting.get(m.id);
    waiting.delete(m.id);
    if (!p) return;
    if (!m.error) return p.resolve(m.value);
    // Transient database trouble stays a retryable 503 across the thread boundary.
    p.reject(m.error.kind === 'unavailable' ? new StoreUnavailableError(m.error.message) : Object.assign(new Error(m.error.message), { code: m.error.code }));
  });
  const fail = (err: Error) => {
    dead = err;
    for (const p of waiting.values()) p.reject(new StoreUnavailableError(`the writer thread stopped: ${err.message}`));
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`exit ${code}`)));
  const call = <T>(req: Request): Promise<T> => {
    if (dead) return Promise.reject(new StoreUnavailableError(`the writer thread stopped: ${dead.message}`));
    const id = ++next;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      // A request in flight keeps the process alive until it is answered.
      if (waiting.size === 1) worker.ref();
      worker.postMessage({ id, ...req });
    }).finally(() => {
      if (waiting.size === 0) worker.unref();
    });
  };
  return {
    insert: (mode, batch, at) => call<number[]>({ op: 'insert', mode, batch, at }),
    catchUp: () => call<void>({ op: 'catchUp' }),
    useRules: () => void call<void>({ op: 'rules' }).catch(() => {}),
    pending: () => call<number>({ op: 'pending' }),
    async close() {
      if (dead) return;
      await call<void>({ op: 'close' });
      await worker.terminate();
    },
  };
}
