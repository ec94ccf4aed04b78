import type { TrackEvent, UsageRecorder } from '../../types.js';

/** A recorder for tests: keeps every event; can be told to fail or to stall. */
export class MemoryRecorder implements UsageRecorder {
  readonly events: TrackEvent[] = [];
  failWith: Error | undefined;
  /** When set, track() waits for this before resolving (to prove callers don't wait). */
  gate: Promise<void> | undefined;

  async track(event: TrackEvent): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.events.push(event);
    if (this.gate) await this.gate;
  }

  metadata(index = this.events.length - 1): Record<string, unknown> {
    return this.events[index]?.metadata ?? {};
  }
}
