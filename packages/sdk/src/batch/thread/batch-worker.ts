/**
 * The worker thread of a threaded batch (createBatch with `thread: true`): a
 * plain in-thread batch, fed by messages from the app's thread. Delivery,
 * retries, the spool, and each event's JSON happen here, off the thread that
 * answers requests; hooks and stats go back as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Ingestion } from '../../client/ingestion.js';
import { ADD_PREPARED, type CallAdder, type PreparedAdder } from '../doors.js';
import { createBatch } from '../create-batch.js';
import { toPortable } from './portable-error.js';
import { addCallAt, CALL_SLOTS, type EventsMessage, type FromWorker, type HookCall, type ToWorker, type WorkerInit, type WorkerState } from './protocol.js';

const port = parentPort!;
const init = workerData as WorkerInit;
const post = (m: FromWorker) => port.postMessage(m);
let received = 0;

const batch = createBatch(new Ingestion(init.config), {
  ...init.options,
  thread: false,
  // Every hook is forwarded: the app's thread holds the listeners, and decides what to log.
  onFlush: (report) => hook({ name: 'onFlush', args: [report] }),
  onRetry: (info) => hook({ name: 'onRetry', args: [{ ...info, error: toPortable(info.error) }] }),
  onError: (error, info) => hook({ name: 'onError', args: [toPortable(error), info] }),
  onDeadLetter: (letters) => hook({ name: 'onDeadLetter', args: [letters] }),
  onDrop: (event, reason) => hook({ name: 'onDrop', args: [event, reason] }),
});
const internal = batch as typeof batch & CallAdder & PreparedAdder;

const state = (): WorkerState => ({ stats: batch.stats(), received });

// Hooks go back together once the loop turns: one message per delivery, and
// the state after the delivery settled (its events no longer held).
let calls: HookCall[] = [];
function hook(call: HookCall): void {
  if (calls.push(call) === 1) setImmediate(sendHooks);
}
/** Also called before any reply, so that the app sees a delivery's hooks before its flush() settles. */
function sendHooks(): void {
  if (calls.length === 0) return;
  const sent = calls;
  calls = [];
  post({ t: 'hooks', calls: sent, state: state() });
}
const reply = (m: Extract<FromWorker, { t: 'done' }>) => (sendHooks(), post(m));
function take(m: EventsMessage): void {
  const writes: Promise<void>[] = [];
  for (let i = 0; i < m.wires.length; i++) {
    const w = internal[ADD_PREPARED](m.wires[i]!, m.own[i]!, m.at);
    if (w) writes.push(w);
  }
  const c = m.calls;
  for (let i = 0; i < c.length; i += CALL_SLOTS) addCallAt(internal, c, i);
  received += m.wires.length + c.length / CALL_SLOTS;
  // With a spool, the app's track() resolves once its events are on disk.
  if (init.options.spoolDir) {
    Promise.all(writes).then(
      () => post({ t: 'queued', seq: m.seq, state: state() }),
      (error: unknown) => post({ t: 'queued', seq: m.seq, error: toPortable(error), state: state() }),
    );
  }
}

port.on('message', (m: ToWorker) => {
  if (m.t === 'events') return take(m);
  if (m.t === 'flush') {
    batch.flush().then(
      () => reply({ t: 'done', id: m.id, state: state() }),
      (error: unknown) => reply({ t: 'done', id: m.id, error: toPortable(error), state: state() }),
    );
    return;
  }
  void batch.cleanup({ timeoutMs: m.timeoutMs }).then((result) => reply({ t: 'done', id: m.id, result, state: state() }));
});

void batch.ready.then(() => post({ t: 'ready', state: state() }));
