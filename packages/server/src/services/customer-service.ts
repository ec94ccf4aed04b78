import { newId } from '@tally/core';
import { ConflictError, NotFoundError } from '../errors/domain-error.js';
import type { Store } from '../store/store.js';
import type { Customer, CustomerPatch, CustomerQuery, Mode } from '../store/types.js';

export interface NewCustomer {
  name: string;
  email: string;
  externalId?: string | null;
  phoneNumber?: string | null;
  metadata?: Record<string, string>;
}

export class CustomerService {
  // Customers are never deleted, so an ID once seen stays known: safe to cache
  // across replicas. Unknown IDs are always asked again.
  private readonly known = new Map<Mode, Set<string>>([['test_mode', new Set()], ['live_mode', new Set()]]);

  constructor(private readonly store: Store) {}

  async create(mode: Mode, input: NewCustomer): Promise<Customer> {
    if (input.externalId) await this.assertExternalIdFree(mode, input.externalId);
    return this.store.customers.create({
      id: newId('cus'),
      mode,
      externalId: input.externalId ?? null,
      name: input.name,
      email: input.email,
      phoneNumber: input.phoneNumber ?? null,
      metadata: input.metadata ?? {},
      createdAt: Date.now(),
    });
  }

  async get(mode: Mode, id: string): Promise<Customer> {
    const c = await this.store.customers.get(mode, id);
    if (!c) throw new NotFoundError('customer', id);
    return c;
  }

  list(mode: Mode, q: CustomerQuery): Promise<Customer[]> {
    return this.store.customers.list(mode, q);
  }

  async update(mode: Mode, id: string, patch: CustomerPatch): Promise<Customer> {
    if (patch.externalId) await this.assertExternalIdFree(mode, patch.externalId, id);
    const c = await this.store.customers.update(mode, id, patch);
    if (!c) throw new NotFoundError('customer', id);
    return c;
  }

  /** Of these IDs, those that name no customer (by customer_id or external_id). */
  async unknownIds(mode: Mode, ids: Iterable<string>): Promise<string[]> {
    const cache = this.known.get(mode)!;
    const ask = [...new Set(ids)].filter((id) => !cache.has(id));
    if (ask.length === 0) return [];
    const found = await this.store.customers.findKnown(mode, ask);
    if (cache.size > 1_000_000) cache.clear();
    for (const id of found) cache.add(id);
    return ask.filter((id) => !found.has(id));
  }

  // An external_id must not shadow another customer's own ID, or events would be ambiguous.
  private async assertExternalIdFree(mode: Mode, externalId: string, self?: string): Promise<void> {
    const other = await this.store.customers.get(mode, externalId);
    if (other && other.id !== self) {
      throw new ConflictError('external_id equals the customer_id of another customer', { external_id: externalId });
    }
  }
}
