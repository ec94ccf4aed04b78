import type { Mode } from './types.js';

/** Who a usage limit applies to: one customer, or every subscriber of a plan. */
export type LimitTarget = { customerId: string; planId?: undefined } | { planId: string; customerId?: undefined };

/** At most `limit` units of a meter per period (the subscription's billing period, else the UTC calendar month). */
export interface UsageLimit {
  id: string;
  mode: Mode;
  meterId: string;
  customerId: string | null;
  planId: string | null;
  /** Decimal string. */
  limit: string;
  createdAt: number;
  updatedAt: number;
}

export interface LimitQuery {
  customerId?: string;
  planId?: string;
  meterId?: string;
}

export interface LimitStore {
  /** Creates the limit, or replaces the limit of the same meter and target (keeping its ID). */
  upsert(limit: UsageLimit): Promise<UsageLimit>;
  list(mode: Mode, query: LimitQuery): Promise<UsageLimit[]>;
  /** The limits of a customer's own and of any of these plans. */
  applicable(mode: Mode, customerId: string, planIds: readonly string[]): Promise<UsageLimit[]>;
  /** The Tally ID of the customer whose customer_id or external_id this is (what events carry). */
  resolveCustomer(mode: Mode, idOrExternalId: string): Promise<string | undefined>;
  /** Returns whether a limit was deleted. */
  delete(mode: Mode, id: string): Promise<boolean>;
}
