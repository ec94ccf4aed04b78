/** Wire shapes of the Tally API, as the dashboard reads them. */
export type Mode = 'test_mode' | 'live_mode';
export type MetadataValue = string | number | boolean;

export interface UsageEvent {
  event_id: string;
  customer_id: string;
  event_name: string;
  timestamp: string;
  metadata?: Record<string, MetadataValue> | null;
  business_id?: string;
}

export interface Customer {
  customer_id: string;
  external_id: string | null;
  name: string;
  email: string;
  phone_number: string | null;
  metadata: Record<string, string>;
  created_at: string;
}

export interface ApiKeyRow {
  id: string;
  name: string;
  mode: Mode;
  read_only: boolean;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
  current: boolean;
}

export interface Page<T> {
  items: T[];
}
