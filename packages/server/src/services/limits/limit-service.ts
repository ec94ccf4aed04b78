import { Decimal, newId } from '@tally/core';
import { InvalidInputError, NotFoundError } from '../../errors/domain-error.js';
import type { LimitQuery, UsageLimit } from '../../store/limit-types.js';
import type { Store } from '../../store/store.js';
import type { Mode } from '../../store/types.js';
import { queryUsage } from '../usage-service.js';
import { limitContext } from './limit-period.js';

export interface NewLimit {
  meterId: string;
  customerId?: string;
  planId?: string;
  limit: string;
}

export interface LimitStatus {
  limit: UsageLimit;
  meter: { id: string; name: string; eventName: string; aggregation: string };
  used: string;
  remaining: string;
  period: { start: number; end: number };
}

const MINUTE = 60_000;

export class LimitService {
  constructor(private readonly store: Store) {}

  /** Creates or replaces the limit of a meter for one customer or one plan. */
  async set(mode: Mode, input: NewLimit, now = Date.now()): Promise<UsageLimit> {
    if ((input.customerId === undefined) === (input.planId === undefined)) {
      throw new InvalidInputError('give exactly one of customer_id and plan_id', { field: 'customer_id' });
    }
    const limit = Decimal.tryParse(input.limit);
    if (!limit || limit.sign() < 0) throw new InvalidInputError('limit must be a decimal number ≥ 0', { field: 'limit' });
    if (!(await this.store.meters.get(mode, input.meterId))) throw new NotFoundError('meter', input.meterId);
    let customerId: string | null = null;
    if (input.customerId !== undefined) {
      customerId = (await this.store.limits.resolveCustomer(mode, input.customerId)) ?? null;
      if (!customerId) throw new NotFoundError('customer', input.customerId);
    }
    if (input.planId !== undefined && !(await this.store.plans.getPlan(mode, input.planId))) throw new NotFoundError('plan', input.planId);
    return this.store.limits.upsert({
      id: newId('lim'), mode, meterId: input.meterId, customerId, planId: input.planId ?? null,
      limit: limit.toString(), createdAt: now, updatedAt: now,
    });
  }

  list(mode: Mode, q: LimitQuery): Promise<UsageLimit[]> {
    return this.store.limits.list(mode, q);
  }

  async delete(mode: Mode, id: string): Promise<void> {
    if (!(await this.store.limits.delete(mode, id))) throw new NotFoundError('limit', id);
  }

  /**
   * Each meter's limit for a customer (its own limit wins over its plans'),
   * with usage so far in the current period, read from the meter's rollups.
   */
  async status(mode: Mode, idOrExternalId: string, now = Date.now()): Promise<{ customerId: string; items: LimitStatus[] }> {
    const customerId = await this.store.limits.resolveCustomer(mode, idOrExternalId);
    if (!customerId) throw new NotFoundError('customer', idOrExternalId);
    const { period, planIds } = await limitContext(this.store, mode, customerId, now);
    const byMeter = new Map<string, UsageLimit>();
    for (const l of await this.store.limits.applicable(mode, customerId, planIds)) {
      const held = byMeter.get(l.meterId);
      if (!held || (l.customerId !== null && held.customerId === null) || (l.customerId === held.customerId && Decimal.parse(l.limit).lt(held.limit))) byMeter.set(l.meterId, l);
    }
    // Rollups are per minute: a period edge inside a minute counts that whole minute.
    const start = Math.floor(period.start / MINUTE) * MINUTE;
    const end = Math.ceil(period.end / MINUTE) * MINUTE;
    const items: LimitStatus[] = [];
    for (const limit of byMeter.values()) {
      const meter = await this.store.meters.get(mode, limit.meterId);
      if (!meter) continue;
      const [usage] = await queryUsage(this.store, mode, meter, { start, end, windowSize: 'none', timeZone: 'UTC', customerIds: [customerId] });
      const used = Decimal.parse(usage?.value ?? '0');
      const remaining = Decimal.max(Decimal.ZERO, Decimal.parse(limit.limit).sub(used));
      items.push({
        limit,
        meter: { id: meter.id, name: meter.name, eventName: meter.eventName, aggregation: meter.aggregation.type },
        used: used.toString(),
        remaining: remaining.toString(),
        period,
      });
    }
    return { customerId, items };
  }
}
