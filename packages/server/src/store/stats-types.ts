import type { Mode } from './types.js';

/** Events stored with a timestamp in one minute. */
export interface MinuteCount {
  /** Start of the minute, epoch ms. */
  minute: number;
  count: number;
}

/** A customer_id that events name but no customer has (as customer_id or external_id). */
export interface UnknownCustomer {
  customerId: string;
  events: number;
  /** The latest such event's timestamp, epoch ms. */
  lastTs: number;
}

/** Read-only counts for the dashboard's overview; both adapters pass stats.test.ts. */
export interface StatsStore {
  /** Events per minute of event timestamp in [since, until), minutes with none left out. */
  eventsPerMinute(mode: Mode, since: number, until: number): Promise<MinuteCount[]>;
  /** Customer IDs of events since `since` that name no customer, most events first. */
  unknownCustomers(mode: Mode, since: number, limit: number): Promise<UnknownCustomer[]>;
}
