import { validateBatch, type TimeWindow } from '@tally/core';
import { InvalidInputError, NotFoundError } from '../errors/domain-error.js';
import type { Store } from '../store/store.js';
import type { EventQuery, Mode, StoredEvent } from '../store/types.js';
import type { CustomerService } from './customer-service.js';
import type { RollupPlanner } from './rollup-planner.js';

export interface IngestOutcome {
  ingested_count: number;
  duplicate_count: number;
  unknown_customer_ids: string[];
}

export interface IngestListener {
  (mode: Mode, outcome: IngestOutcome): void;
}

export class EventService {
  constructor(
    private readonly store: Store,
    private readonly customers: CustomerService,
    private readonly window: TimeWindow,
    private readonly onIngest: IngestListener = () => {},
    /** Applies the active meters' rollups in the insert transaction. */
    private readonly rollups?: RollupPlanner,
  ) {}

  /**
   * Checks the whole body first (all or nothing), then stores the new events
   * durably. Already stored event_ids are skipped, so retries are safe.
   */
  async ingest(mode: Mode, body: unknown, opts: { backdated?: boolean } = {}): Promise<IngestOutcome> {
    const now = Date.now();
    const checked = validateBatch(body, { now, window: opts.backdated ? undefined : this.window });
    if (!checked.ok) throw new InvalidInputError(checked.message, { issues: checked.issues });
    const events = checked.events;
    const unknown = await this.customers.unknownIds(mode, events.map((e) => e.customerId));
    const { inserted } = this.rollups
      ? await this.rollups.insert(mode, events, now)
      : await this.store.events.insert(mode, events, now);
    const outcome = {
      ingested_count: inserted.length,
      duplicate_count: events.length - inserted.length,
      unknown_customer_ids: unknown,
    };
    this.onIngest(mode, outcome);
    return outcome;
  }

  list(mode: Mode, q: EventQuery): Promise<StoredEvent[]> {
    return this.store.events.list(mode, q);
  }

  async get(mode: Mode, eventId: string): Promise<StoredEvent> {
    const e = await this.store.events.get(mode, eventId);
    if (!e) throw new NotFoundError('event', eventId);
    return e;
  }
}
