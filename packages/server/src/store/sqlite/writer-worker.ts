import { parentPort, workerData } from 'node:worker_threads';
// The writer thread is a composition root of its own: rules cannot be posted
// across threads as functions, so it takes the services' rules here.
import { ROLLUP_RULES } from '../../services/rollup-rules.js';
import { sqliteAnalytics } from './analytics.js';
import type { EventBatch } from './event-batch.js';
import { localWriter } from './event-writer.js';
import { openDb } from './open-db.js';
import { RollupKeys } from './rollup-keys.js';

export type WriterRequest =
  | { id: number; op: 'insert'; mode: number; batch: EventBatch; at: number }
  | { id: number; op: 'catchUp' | 'rules' | 'pending' | 'close' };

const db = openDb((workerData as { path: string }).path);
const keys = new RollupKeys(db);
const writer = localWriter(db, sqliteAnalytics(db), keys);
const port = parentPort!;

async function handle(req: WriterRequest): Promise<unknown> {
  switch (req.op) {
    case 'insert':
      return writer.insert(req.mode, req.batch, req.at);
    case 'catchUp':
      return writer.catchUp();
    case 'rules':
      return writer.useRules(ROLLUP_RULES);
    case 'pending':
      return writer.pending();
    case 'close':
      await writer.close();
      db.close();
      return undefined;
  }
}

port.on('message', (req: WriterRequest) => {
  handle(req).then(
    (value) => port.postMessage({ id: req.id, value }),
    (err: Error & { code?: string; kind?: string }) =>
      port.postMessage({ id: req.id, error: { message: err.message, code: err.code, kind: err.kind } }),
  );
});
