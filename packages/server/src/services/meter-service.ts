import { matchesFilter, newId, validateMeterInput } from '@tally/core';
import { InvalidInputError, NotFoundError } from '../errors/domain-error.js';
import type { Meter, MeterQuery } from '../store/meter-types.js';
import type { Store } from '../store/store.js';
import type { EventQuery, Mode, StoredEvent } from '../store/types.js';
import type { BackfillRunner } from './backfill-runner.js';
import { checkGroupKeys } from './group-keys.js';
import type { RollupPlanner } from './rollup-planner.js';

export class MeterService {
  constructor(
    private readonly store: Store,
    private readonly planner: RollupPlanner,
    readonly backfills: BackfillRunner,
  ) {}

  /** Validates with core's rules (every problem in one 400), stores, and starts the backfill. */
  async create(mode: Mode, body: Record<string, unknown>): Promise<Meter> {
    const { group_by_keys: rawGroupKeys, ...upstream } = body;
    const checked = validateMeterInput(upstream);
    const groupIssues = checkGroupKeys(rawGroupKeys);
    const issues = [...(checked.ok ? [] : checked.issues), ...groupIssues];
    if (!checked.ok || issues.length > 0) {
      throw new InvalidInputError(`invalid meter: ${issues.map((i) => `${i.field || 'body'} ${i.message}`).join('; ')}`, { issues });
    }
    const v = checked.value;
    const meter = await this.store.meters.create({
      id: newId('mtr'),
      mode,
      name: v.name,
      eventName: v.event_name,
      aggregation: v.aggregation,
      measurementUnit: v.measurement_unit,
      description: v.description,
      filter: v.filter,
      groupKeys: (rawGroupKeys as string[] | undefined) ?? [],
      createdAt: Date.now(),
    });
    this.planner.invalidate(mode);
    void this.backfills.start(mode, meter.id);
    return meter;
  }

  async get(mode: Mode, id: string): Promise<Meter> {
    const m = await this.store.meters.get(mode, id);
    if (!m) throw new NotFoundError('meter', id);
    return m;
  }

  list(mode: Mode, q: MeterQuery): Promise<Meter[]> {
    return this.store.meters.list(mode, q);
  }

  async setArchived(mode: Mode, id: string, archived: boolean): Promise<Meter> {
    const m = await this.store.meters.setArchived(mode, id, archived, Date.now());
    if (!m) throw new NotFoundError('meter', id);
    this.planner.invalidate(mode);
    if (!archived) void this.backfills.start(mode, id);
    return m;
  }

  /**
   * Events of the meter's name that pass its filter, newest first. The filter
   * runs here over pages of the name's events, so paging counts matches only.
   */
  async events(mode: Mode, meter: Meter, q: EventQuery): Promise<StoredEvent[]> {
    if (q.eventName !== undefined && q.eventName !== meter.eventName) {
      throw new InvalidInputError(`event_name ${JSON.stringify(q.eventName)} differs from the meter's event_name ${JSON.stringify(meter.eventName)}`, {
        field: 'event_name',
      });
    }
    if (!meter.filter) return this.store.events.list(mode, { ...q, eventName: meter.eventName });
    const out: StoredEvent[] = [];
    let skip = q.offset;
    const page = 500;
    for (let offset = 0; out.length < q.limit; offset += page) {
      const batch = await this.store.events.list(mode, { ...q, eventName: meter.eventName, limit: page, offset });
      for (const e of batch) {
        if (!matchesFilter(meter.filter, e.metadata)) continue;
        if (skip > 0) skip--;
        else if (out.length < q.limit) out.push(e);
      }
      if (batch.length < page) break;
    }
    return out;
  }
}
