/** An event as the server takes it in `POST /events/ingest` (snake_case). */
export interface WireEvent {
  event_id: string;
  customer_id: string;
  event_name: string;
  timestamp?: string;
  metadata?: Record<string, string | number | boolean>;
}

/** The server's answer to an accepted ingest request. */
export interface IngestResponse {
  ingested_count: number;
  duplicate_count: number;
  unknown_customer_ids: string[];
}
