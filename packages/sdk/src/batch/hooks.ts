import type { RetryInfo } from '../client/config.js';
import type { IngestResponse, WireEvent } from '../client/wire-event.js';
import type { TrackEvent } from '../types.js';
import type { DeadLetter } from './dead-letter.js';

export interface FlushReport extends IngestResponse {
  /** Events in the request. */
  events: number;
  durationMs: number;
}

export interface ErrorInfo {
  events: WireEvent[];
  /** True when the events stay queued and will be sent again. */
  willRetry: boolean;
}

export type DropReason = 'queue-full' | 'closed';

/** Callbacks; each may also be added later with batch.on(name, fn). A throwing hook is ignored. */
export interface BatchHooks {
  /** After each acknowledged request. */
  onFlush?: (report: FlushReport) => void;
  /** Before each retry of a request. */
  onRetry?: (info: RetryInfo & { events: number }) => void;
  /** Every failed request, transient or not. */
  onError?: (error: unknown, info: ErrorInfo) => void;
  /** Events refused for good, with the server's reason. Without this hook (and without a spool) they are logged to stderr. */
  onDeadLetter?: (letters: DeadLetter[]) => void;
  /** An event refused at the door. */
  onDrop?: (event: TrackEvent, reason: DropReason) => void;
}

type HookArgs = { [K in keyof BatchHooks]-?: Parameters<NonNullable<BatchHooks[K]>> };
export type HookName = 'flush' | 'retry' | 'error' | 'dead-letter' | 'drop';
const KEY: Record<HookName, keyof BatchHooks> = {
  flush: 'onFlush', retry: 'onRetry', error: 'onError', 'dead-letter': 'onDeadLetter', drop: 'onDrop',
};
export type HookFor<N extends HookName> = NonNullable<BatchHooks[(typeof KEY)[N]]>;

/** A small typed emitter: listeners from the options plus any added with on(). */
export class Hooks {
  private readonly listeners = new Map<keyof BatchHooks, Set<(...args: never[]) => void>>();

  constructor(initial: BatchHooks) {
    for (const name of Object.keys(KEY) as HookName[]) {
      const fn = initial[KEY[name]];
      if (fn) this.on(name, fn as HookFor<typeof name>);
    }
  }

  on<N extends HookName>(name: N, fn: HookFor<N>): () => void {
    const set = this.listeners.get(KEY[name]) ?? new Set();
    set.add(fn as (...args: never[]) => void);
    this.listeners.set(KEY[name], set);
    return () => set.delete(fn as (...args: never[]) => void);
  }

  has(name: HookName): boolean {
    return (this.listeners.get(KEY[name])?.size ?? 0) > 0;
  }

  emit<K extends keyof BatchHooks>(key: K, ...args: HookArgs[K]): void {
    for (const fn of this.listeners.get(key) ?? []) {
      try {
        (fn as unknown as (...a: HookArgs[K]) => void)(...args);
      } catch {
        // A broken hook must not break delivery.
      }
    }
  }
}
