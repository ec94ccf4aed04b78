import type { EventIssue } from '@tally/core';
import { TallyError, ValidationError } from '../client/errors.js';
import type { Ingestion } from '../client/ingestion.js';
import { holdOpen } from '../client/keep-alive.js';
import { randomEventId } from '../client/event-id.js';
import { buildWireEvent, describeIssues, isoAt, toWireEvent, trackEventOf } from '../client/prepare-event.js';
import type { WireEvent } from '../client/wire-event.js';
import type { Spool } from '../spool/spool.js';
import type { TrackEvent } from '../types.js';
import { callMetadata } from '../api-call/call-metadata.js';
import { ADD_CALL, ADD_PREPARED, checkedName, type CallAdder, type PreparedAdder } from './doors.js';
import { deadLetters, refusedAtDoor, type DeadLetter } from './dead-letter.js';
import { logDeadLetters, logSpoolUnavailable } from './warnings.js';
import { BatchEngine } from './engine.js';
import { QueueFullError, type Batch, type CleanupResult } from './batch-types.js';
import { drainWithin } from './drain.js';
import { Hooks } from './hooks.js';
import { createThreadBatch } from './thread/thread-batch.js';
import { resolveBatchOptions, type CreateBatchOptions } from './options.js';
import { emptyStats } from './stats.js';

export { QueueFullError, type Batch, type CleanupResult } from './batch-types.js';

/**
 * A batching queue in front of an Ingestion: one HTTP request carries up to
 * min(maxSize, 1000) events; see CreateBatchOptions for the policies.
 */
export function createBatch(ingestion: Ingestion, options: CreateBatchOptions = {}): Batch {
  if (options.thread) return createThreadBatch(ingestion, options);
  const o = resolveBatchOptions(options);
  const hooks = new Hooks(options);
  const counts = emptyStats();
  let spool: Spool | undefined;
  let closing: Promise<CleanupResult> | undefined;
  let roomWaiters: Array<() => void> = [];

  const noteError = (error: unknown) => {
    const e = error as { message?: string; name?: string; status?: number };
    counts.lastError = { message: String(e?.message ?? error), name: String(e?.name ?? 'Error'), status: e?.status, at: new Date() };
  };
  const deadLetter = (letters: DeadLetter[]) => {
    if (letters.length === 0) return;
    counts.failed += letters.length;
    if (spool) {
      const s = spool;
      void s.writeDeadLetters(letters).then(() => s.resolve(letters.map((l) => l.event.event_id))).catch(noteError);
    }
    if (hooks.has('dead-letter')) hooks.emit('onDeadLetter', letters);
    else if (!spool) logDeadLetters(letters);
  };

  const engine = new BatchEngine(ingestion, o, {
    onAttempt: (n) => { counts.requests++; counts.sent += n; },
    onRetry: (info) => { counts.retried++; hooks.emit('onRetry', info); },
    onAcknowledged: (events, res, durationMs) => {
      counts.acknowledged += events.length;
      counts.duplicates += res?.duplicate_count ?? 0;
      void spool?.resolve(events.map((e) => e.event_id)).catch(noteError);
      hooks.emit('onFlush', {
        events: events.length, durationMs, ingested_count: res?.ingested_count ?? events.length,
        duplicate_count: res?.duplicate_count ?? 0, unknown_customer_ids: res?.unknown_customer_ids ?? [],
      });
    },
    onError: (error, events, willRetry) => { noteError(error); hooks.emit('onError', error, { events, willRetry }); },
    onDead: deadLetter,
    onSettled: () => {
      const waiting = roomWaiters;
      roomWaiters = [];
      for (const wake of waiting) wake();
    },
  });

  const ready = (async () => {
    if (!o.spoolDir) return;
    try {
      // Loaded only when asked for: without a spool the batch needs no node:fs,
      // so it also runs where there is none (edge runtimes).
      const { Spool } = await import('../spool/spool.js');
      spool = await Spool.open(o.spoolDir);
      engine.enqueueRecovered(spool.recovered);
    } catch (err) {
      // Keep metering in memory rather than refuse every event; say so loudly.
      noteError(err);
      hooks.emit('onError', err, { events: [], willRetry: false });
      if (!hooks.has('error')) logSpoolUnavailable(err);
    }
  })().finally(() => {
    engine.ready = true;
    engine.pump();
  });

  // One context, its clock set per event: add() runs once per API call, so it allocates as little as it can.
  const context = { eventName: ingestion.config.eventName, timeWindow: ingestion.config.timeWindow, now: 0 };
  const ctx = (now = Date.now()) => ((context.now = now), context);
  /** Queues an event; with a spool, the promise settles once it is on disk. */
  const admit = (wire: WireEvent, now: number, ownId: boolean): Promise<void> | undefined => {
    engine.enqueue(wire, now, ownId);
    return o.spoolDir ? ready.then(() => spool?.append([wire])) : undefined;
  };

  const full = () => closing !== undefined || engine.held >= o.maxQueueSize;
  const drop = (event: TrackEvent): false => {
    counts.dropped++;
    hooks.emit('onDrop', event, closing ? 'closed' : 'queue-full');
    return false;
  };

  const batch: Batch & CallAdder & PreparedAdder = {
    ready,
    add(event) {
      const issues: EventIssue[] = [];
      const now = Date.now();
      const wire = toWireEvent(event, ctx(now), 0, issues);
      if (!wire) {
        deadLetter(refusedAtDoor(buildWireEvent(event, ctx()), issues));
        return false;
      }
      if (full()) return drop(event);
      admit(wire, now, event.eventId == null)?.catch(noteError);
      return true;
    },
    [ADD_CALL](customerId, eventName, call, responseTimeMs, at) {
      const metadata = callMetadata(call, responseTimeMs);
      const name = checkedName(customerId, eventName, context.eventName);
      if (name === undefined) return batch.add({ customerId, eventName, metadata, timestamp: at });
      if (full()) return drop({ customerId, eventName, metadata, timestamp: at });
      const now = at ?? Date.now();
      // The same fields, in the same order, as add() builds: one hidden class for every queued event.
      admit({ event_id: randomEventId(), customer_id: customerId, event_name: name, timestamp: isoAt(now), metadata }, now, true)?.catch(noteError);
      return true;
    },
    [ADD_PREPARED](wire, ownId, at) {
      if (full()) return drop(trackEventOf(wire));
      return admit(wire, at, ownId);
    },
    async track(event) {
      const issues: EventIssue[] = [];
      const wire = toWireEvent(event, ctx(), 0, issues);
      if (!wire) throw new ValidationError(`Invalid event: ${describeIssues(issues)}`, issues);
      while (!closing && o.onFull === 'wait' && engine.held >= o.maxQueueSize) {
        await new Promise<void>((wake) => roomWaiters.push(wake));
      }
      if (full()) {
        drop(event);
        throw new QueueFullError(closing ? 'The batch is closed.' : `The queue holds ${o.maxQueueSize} events already.`);
      }
      await admit(wire, Date.now(), event.eventId == null);
    },
    async flush() {
      const release = holdOpen();
      try {
        await ready;
        await engine.flush();
      } finally {
        release();
      }
    },
    cleanup(opts = {}) {
      closing ??= (async () => {
        const release = holdOpen();
        for (const wake of roomWaiters.splice(0)) wake();
        const left = await drainWithin(engine, ready, opts.timeoutMs ?? o.cleanupTimeoutMs);
        if (left.length > 0 && !spool) {
          deadLetter(deadLetters(left.map((e) => e.wire), new TallyError('undelivered when cleanup() reached its deadline')));
        }
        await spool?.close().catch(noteError);
        release();
        return { delivered: left.length === 0, remaining: left.length };
      })();
      return closing;
    },
    stats: () => ({ ...counts, queued: engine.held, spooled: spool?.size ?? 0 }),
    on: (name, fn) => hooks.on(name, fn),
  };
  return batch;
}
