import type { EventIssue } from '@tally/core';
import { TallyError, ValidationError } from '../../client/errors.js';
import type { Ingestion } from '../../client/ingestion.js';
import { holdOpen } from '../../client/keep-alive.js';
import { buildWireEvent, describeIssues, toWireEvent } from '../../client/prepare-event.js';
import type { WireEvent } from '../../client/wire-event.js';
import type { TrackEvent } from '../../types.js';
import { QueueFullError, type Batch, type CleanupResult } from '../batch-types.js';
import { callMetadata } from '../../api-call/call-metadata.js';
import { ADD_CALL, checkedName, type CallAdder } from '../doors.js';
import { refusedAtDoor, type DeadLetter } from '../dead-letter.js';
import { Hooks, type DropReason, type FlushReport, type ErrorInfo } from '../hooks.js';
import { resolveBatchOptions, type CreateBatchOptions } from '../options.js';
import { emptyStats } from '../stats.js';
import { logDeadLetters, logSpoolUnavailable } from '../warnings.js';
import { revive, type PortableError } from './portable-error.js';
import { CALL_SLOTS, pushCall, type EventsMessage, type FromWorker, type HookCall, type ToWorker, type WorkerState } from './protocol.js';
import { startWorker, workerInit } from './worker-thread.js';

// Events go to the worker in bulk: when this many wait, or this long after the first.
const HAND_OVER_EVERY = 256;
const HAND_OVER_AFTER_MS = 10;

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * createBatch({ thread: true }): the app's side. Events are checked here, as
 * by the in-thread batch (add() refuses bad ones at once), then handed to a
 * worker thread that runs an in-thread batch and sends; its hooks and counts
 * come back as messages. What waits here or on its way counts toward
 * maxQueueSize with what the worker holds.
 */
export function createThreadBatch(ingestion: Ingestion, options: CreateBatchOptions): Batch & CallAdder {
  const o = resolveBatchOptions(options);
  const worker = startWorker(workerInit(ingestion, options));
  worker.unref();
  const hooks = new Hooks(options);
  const context = { eventName: ingestion.config.eventName, timeWindow: ingestion.config.timeWindow, now: 0 };

  let remote: WorkerState = { stats: emptyStats(), received: 0 };
  let dropped = 0;
  let failed = 0;
  let handedOver = 0;
  let out: EventsMessage = { t: 'events', seq: 1, at: 0, wires: [], own: [], calls: [] };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closing: Promise<CleanupResult> | undefined;
  let broken: TallyError | undefined;
  let lastError = remote.stats.lastError;
  const replies = new Map<number, Pending<CleanupResult | undefined>>();
  const onDisk = new Map<number, Pending<void>[]>();
  let roomWaiters: Array<() => void> = [];
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const waiting = () => out.wires.length + out.calls.length / CALL_SLOTS;
  const held = () => waiting() + (handedOver - remote.received) + remote.stats.queued;
  const full = () => closing !== undefined || broken !== undefined || held() >= o.maxQueueSize;

  const handOver = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const n = waiting();
    if (n === 0 || broken) return;
    const m = out;
    out = { t: 'events', seq: m.seq + 1, at: 0, wires: [], own: [], calls: [] };
    handedOver += n;
    worker.postMessage(m satisfies ToWorker);
  };
  const queued = () => {
    if (waiting() >= HAND_OVER_EVERY) handOver();
    else if (!timer) {
      out.at = Date.now();
      (timer = setTimeout(handOver, HAND_OVER_AFTER_MS)).unref?.();
    }
  };

  let nextId = 0;
  const ask = (m: { t: 'flush' } | { t: 'cleanup'; timeoutMs: number | undefined }) =>
    new Promise<CleanupResult | undefined>((resolve, reject) => {
      if (broken) return reject(broken);
      const id = ++nextId;
      replies.set(id, { resolve, reject });
      worker.postMessage({ ...m, id } satisfies ToWorker);
    });

  const drop = (event: TrackEvent): false => {
    dropped++;
    hooks.emit('onDrop', event, closing || broken ? 'closed' : 'queue-full');
    return false;
  };
  const deadLetter = (letters: DeadLetter[]) => {
    if (hooks.has('dead-letter')) hooks.emit('onDeadLetter', letters);
    else if (!o.spoolDir) logDeadLetters(letters);
  };
  /** The wire form of an app's event, or the rules it breaks. */
  const check = (event: TrackEvent): { wire?: WireEvent; issues: EventIssue[] } => {
    const issues: EventIssue[] = [];
    context.now = Date.now();
    return { wire: toWireEvent(event, context, 0, issues), issues };
  };
  const push = (wire: WireEvent, event: TrackEvent): number => {
    out.wires.push(wire);
    out.own.push(event.eventId == null);
    const inMessage = out.seq;
    queued();
    return inMessage;
  };

  const onHook = (m: HookCall) => {
    const a = m.args;
    if (m.name === 'onFlush') return hooks.emit('onFlush', a[0] as FlushReport);
    if (m.name === 'onRetry') {
      const info = { ...(a[0] as { attempt: number; delayMs: number; events: number }), error: revive((a[0] as { error: PortableError }).error) };
      ingestion.config.onRetry?.({ attempt: info.attempt, delayMs: info.delayMs, error: info.error });
      return hooks.emit('onRetry', info);
    }
    if (m.name === 'onError') {
      const error = revive(a[0] as PortableError);
      const info = a[1] as ErrorInfo;
      // Only the spool's failure to open comes without events; the in-thread batch logs it when no one listens.
      if (info.events.length === 0 && !hooks.has('error')) logSpoolUnavailable(error);
      return hooks.emit('onError', error, info);
    }
    if (m.name === 'onDeadLetter') return deadLetter(a[0] as DeadLetter[]);
    hooks.emit('onDrop', a[0] as TrackEvent, a[1] as DropReason);
  };

  /** The worker died: nothing more can be sent; everything waiting on it is told. */
  const fail = (error: TallyError) => {
    if (broken) return;
    broken = error;
    lastError = { message: error.message, name: error.name, status: undefined, at: new Date() };
    for (const p of replies.values()) p.reject(error);
    for (const list of onDisk.values()) for (const p of list) p.reject(error);
    replies.clear();
    onDisk.clear();
    markReady();
    wakeRoom();
    hooks.emit('onError', error, { events: out.wires, willRetry: false });
  };
  const wakeRoom = () => {
    const woken = roomWaiters;
    roomWaiters = [];
    for (const wake of woken) wake();
  };

  worker.on('message', (m: FromWorker) => {
    remote = m.state;
    wakeRoom();
    if (m.t === 'hooks') return m.calls.forEach(onHook);
    if (m.t === 'ready') return markReady();
    if (m.t === 'queued') {
      const list = onDisk.get(m.seq) ?? [];
      onDisk.delete(m.seq);
      for (const p of list) (m.error ? p.reject(revive(m.error)) : p.resolve());
      return;
    }
    const p = replies.get(m.id);
    replies.delete(m.id);
    if (m.error) p?.reject(revive(m.error));
    else p?.resolve(m.result);
  });
  worker.on('error', (e: Error) => fail(new TallyError(`the batch's worker thread failed: ${e.message}`, { cause: e })));
  worker.on('exit', (code: number) => fail(new TallyError(`the batch's worker thread exited (code ${code})`)));

  const batch: Batch & CallAdder = {
    ready,
    add(event) {
      const { wire, issues } = check(event);
      if (!wire) {
        failed++;
        deadLetter(refusedAtDoor(buildWireEvent(event, context), issues));
        return false;
      }
      if (full()) return drop(event);
      push(wire, event);
      return true;
    },
    [ADD_CALL](customerId, eventName, call, responseTimeMs, at) {
      const name = checkedName(customerId, eventName, context.eventName);
      if (name === undefined || full()) {
        const event = { customerId, eventName, metadata: callMetadata(call, responseTimeMs), timestamp: at };
        return name === undefined ? batch.add(event) : drop(event);
      }
      pushCall(out.calls, customerId, eventName, at ?? Date.now(), call, responseTimeMs);
      queued();
      return true;
    },
    async track(event) {
      const { wire, issues } = check(event);
      if (!wire) throw new ValidationError(`Invalid event: ${describeIssues(issues)}`, issues);
      while (!closing && !broken && o.onFull === 'wait' && held() >= o.maxQueueSize) {
        await new Promise<void>((wake) => roomWaiters.push(wake));
      }
      if (full()) {
        drop(event);
        throw new QueueFullError(closing || broken ? 'The batch is closed.' : `The queue holds ${o.maxQueueSize} events already.`);
      }
      const inMessage = push(wire, event);
      // With a spool, resolved once the worker has it on disk.
      if (o.spoolDir) {
        await new Promise<void>((resolve, reject) => {
          const list = onDisk.get(inMessage) ?? [];
          if (list.push({ resolve, reject }) === 1) onDisk.set(inMessage, list);
        });
      }
    },
    async flush() {
      const release = holdOpen();
      try {
        await ready;
        handOver();
        await ask({ t: 'flush' });
      } finally {
        release();
      }
    },
    cleanup(opts = {}) {
      closing ??= (async () => {
        const release = holdOpen();
        try {
          wakeRoom();
          await ready;
          handOver();
          const remaining = held();
          const result = broken ? { delivered: false, remaining } : await ask({ t: 'cleanup', timeoutMs: opts.timeoutMs }).catch(() => undefined);
          return result ?? { delivered: false, remaining };
        } finally {
          // The exit that follows is ours, not a failure.
          broken ??= new TallyError('The batch is closed.');
          await worker.terminate();
          release();
        }
      })();
      return closing;
    },
    stats() {
      const s = remote.stats;
      const last = lastError && (!s.lastError || lastError.at > s.lastError.at) ? lastError : s.lastError;
      return { ...s, failed: s.failed + failed, dropped: s.dropped + dropped, queued: held(), lastError: last };
    },
    on: (name, fn) => hooks.on(name, fn),
  };
  return batch;
}

