import { formatTimestamp } from '@tally/core';
import type { Customer, Metadata, Mode, StoredEvent } from '../store/types.js';

/**
 * The NDJSON lines `tally export` writes and `tally import` reads: one JSON
 * object per line, its kind in `type`. Field names follow the HTTP API, and
 * every record names its mode, so one file carries both data spaces.
 */
export interface HeaderRecord {
  type: 'tally_export';
  version: 1;
  exported_at: string;
}

export interface CustomerRecord {
  type: 'customer';
  mode: Mode;
  customer_id: string;
  external_id: string | null;
  name: string;
  email: string;
  phone_number: string | null;
  metadata: Record<string, string>;
  created_at: string;
}

export interface EventRecord {
  type: 'event';
  mode: Mode;
  event_id: string;
  customer_id: string;
  event_name: string;
  timestamp: string;
  metadata: Metadata | null;
}

export type ExportRecord = HeaderRecord | CustomerRecord | EventRecord;

export const EXPORT_VERSION = 1;

export const customerRecord = (c: Customer): CustomerRecord => ({
  type: 'customer',
  mode: c.mode,
  customer_id: c.id,
  external_id: c.externalId,
  name: c.name,
  email: c.email,
  phone_number: c.phoneNumber,
  metadata: c.metadata,
  created_at: formatTimestamp(c.createdAt),
});

export const eventRecord = (mode: Mode, e: StoredEvent): EventRecord => ({
  type: 'event',
  mode,
  event_id: e.eventId,
  customer_id: e.customerId,
  event_name: e.eventName,
  timestamp: formatTimestamp(e.timestamp),
  metadata: e.metadata,
});
