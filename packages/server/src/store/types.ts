import type { Metadata, ValidEvent } from '@tally/core';

/** Each mode is its own data space: nothing of one is visible through a key of the other. */
export type Mode = 'test_mode' | 'live_mode';
export const MODES: readonly Mode[] = ['test_mode', 'live_mode'];

export interface StoredEvent extends ValidEvent {
  /** When the server committed it, epoch ms. */
  ingestedAt: number;
}

export interface Customer {
  id: string;
  mode: Mode;
  externalId: string | null;
  name: string;
  email: string;
  phoneNumber: string | null;
  metadata: Record<string, string>;
  createdAt: number;
}

export interface ApiKey {
  id: string;
  mode: Mode;
  name: string;
  readOnly: boolean;
  /** The first characters of the secret, to tell keys apart in lists. */
  prefix: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface EventQuery {
  customerId?: string;
  eventName?: string;
  /** Inclusive lower bound on the event timestamp, epoch ms. */
  start?: number;
  /** Exclusive upper bound on the event timestamp, epoch ms. */
  end?: number;
  limit: number;
  offset: number;
}

export interface CustomerQuery {
  email?: string;
  name?: string;
  limit: number;
  offset: number;
}

export type CustomerPatch = Partial<Pick<Customer, 'name' | 'email' | 'phoneNumber' | 'metadata' | 'externalId'>>;

export type { Metadata };
