import type { Worker, WorkerOptions } from 'node:worker_threads';
import { ConfigurationError } from '../../client/errors.js';
import type { Ingestion } from '../../client/ingestion.js';
import type { CreateBatchOptions } from '../options.js';
import type { WorkerInit } from './protocol.js';

type Threads = { Worker: new (script: URL | string, options: WorkerOptions) => Worker };

// Found at run time, not imported, like node:http in the transport: the SDK
// still loads where there are no worker threads (edge runtimes).
function threads(): Threads | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return proc?.getBuiltinModule?.('node:worker_threads') as Threads | undefined;
  } catch {
    return undefined;
  }
}

/** What the worker can rebuild the Ingestion from; a custom fetch cannot cross. */
export function workerInit(ingestion: Ingestion, options: CreateBatchOptions): WorkerInit {
  const c = ingestion.config;
  if (c.fetch && c.fetch !== globalThis.fetch) {
    throw new ConfigurationError('createBatch({ thread: true }) needs an Ingestion without a custom `fetch`: a function cannot reach the worker thread.');
  }
  const { onFlush, onRetry, onError, onDeadLetter, onDrop, thread, ...rest } = options;
  return {
    config: {
      apiKey: c.apiKey,
      environment: c.environment,
      eventName: c.eventName,
      baseURL: c.baseURL,
      timeoutMs: c.timeoutMs,
      maxRetries: c.retry.maxRetries,
      retryDelay: { baseMs: c.retry.baseDelayMs, maxMs: c.retry.maxDelayMs },
      timeWindow: c.timeWindow ?? null,
    },
    options: rest,
  };
}

/**
 * Starts the worker beside this module: batch-worker.js in the build (ESM or
 * CommonJS, as this file), batch-worker.ts under the SDK's own tests, which
 * the worker then loads through tsx as the tests do.
 */
export function startWorker(init: WorkerInit): Worker {
  const t = threads();
  if (!t) throw new ConfigurationError('createBatch({ thread: true }) needs node:worker_threads (Node ≥ 20).');
  const here = import.meta.url;
  const ext = /\.(c?js|ts)$/.exec(new URL(here).pathname)?.[1] ?? 'js';
  const file = new URL(`./batch-worker.${ext}`, here);
  if (ext !== 'ts') return new t.Worker(file, { workerData: init });
  // Source under the SDK's own tests: loaded through tsx, with the source conditions the tests resolve by.
  const load = `import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(here)}))`;
  return new t.Worker(load, { eval: true, workerData: init, execArgv: ['--conditions', 'tally-source'] });
}
