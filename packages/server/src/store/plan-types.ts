import type { BillingInterval } from '@tally/core';
import type { Mode } from './types.js';

export interface PlanComponent {
  meterId: string;
  /** Decimal string, in the currency's major unit. */
  pricePerUnit: string;
  /** Decimal string of free units per period. */
  freeThreshold: string;
}

export interface Plan {
  id: string;
  mode: Mode;
  name: string;
  currency: string;
  billingInterval: BillingInterval;
  components: PlanComponent[];
  createdAt: number;
}

export interface Subscription {
  id: string;
  mode: Mode;
  customerId: string;
  planId: string;
  /** Start of the first billing period, epoch ms. */
  billingAnchor: number;
  createdAt: number;
}

export interface PlanStore {
  createPlan(plan: Plan): Promise<Plan>;
  getPlan(mode: Mode, id: string): Promise<Plan | undefined>;
  listPlans(mode: Mode, q: { limit: number; offset: number }): Promise<Plan[]>;
  createSubscription(sub: Subscription): Promise<Subscription>;
  /** A customer's subscriptions, oldest first. */
  subscriptionsOf(mode: Mode, customerId: string): Promise<Subscription[]>;
}
