import type { ValidEvent } from '@tally/core';
import type { RollupRules } from './rollup-rules.js';
import type {
  ApiKey, Customer, CustomerPatch, CustomerQuery, EventQuery, Mode, StoredEvent,
} from './types.js';
import type { MeterStore, RollupStore } from './meter-store.js';
import type { RollupPlan } from './meter-types.js';
import type { PlanStore } from './plan-types.js';
import type { AnalyticsStore } from './analytics-types.js';
import type { LimitStore } from './limit-types.js';
import type { StatsStore } from './stats-types.js';

/**
 * The storage port. Routes and services see only this; SQLite and PostgreSQL
 * adapters implement it and pass one contract suite (store/contract).
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly events: EventStore;
  readonly customers: CustomerStore;
  readonly keys: KeyStore;
  readonly meters: MeterStore;
  readonly rollups: RollupStore;
  readonly plans: PlanStore;
  readonly analytics: AnalyticsStore;
  readonly limits: LimitStore;
  readonly stats: StatsStore;
  /**
   * A store that folds stored events into rollups after commit (instead of
   * applying a plan inside the insert) takes the rules for it here, once.
   */
  useRollupRules?(rules: RollupRules): void;
  /** Events committed but not yet folded into rollups (stores that fold). */
  rollupLag?(): Promise<number>;
  /** Resolves when the database answers; rejects with StoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface InsertResult {
  /** The events whose event_id was new in this mode, in input order. */
  inserted: ValidEvent[];
}

export interface EventStore {
  /**
   * Stores the events whose event_id is new in this mode, all in one durable
   * transaction: when this resolves, they survive a crash. With a rollup plan,
   * the new events' rollup deltas are applied in that same transaction
   * (StalePlanError when the plan's meter-set version is no longer current).
   */
  insert(mode: Mode, events: ValidEvent[], ingestedAt: number, plan?: RollupPlan): Promise<InsertResult>;
  /** Newest first (timestamp, then arrival). */
  list(mode: Mode, query: EventQuery): Promise<StoredEvent[]>;
  get(mode: Mode, eventId: string): Promise<StoredEvent | undefined>;
}

export interface CustomerStore {
  /** Rejects with ConflictError when the external_id is taken in this mode. */
  create(customer: Customer): Promise<Customer>;
  get(mode: Mode, id: string): Promise<Customer | undefined>;
  list(mode: Mode, query: CustomerQuery): Promise<Customer[]>;
  update(mode: Mode, id: string, patch: CustomerPatch): Promise<Customer | undefined>;
  /** Of the given IDs, those that name a customer by customer_id or external_id. */
  findKnown(mode: Mode, ids: readonly string[]): Promise<Set<string>>;
}

export interface NewApiKey extends ApiKey {
  /** SHA-256 of the secret, hex. The secret itself is never stored. */
  hash: string;
}

export interface KeyStore {
  create(key: NewApiKey): Promise<void>;
  findByHash(hash: string): Promise<ApiKey | undefined>;
  list(): Promise<ApiKey[]>;
  /** Marks the key revoked; returns it, or undefined when there is no such key. */
  revoke(id: string, at: number): Promise<ApiKey | undefined>;
}
