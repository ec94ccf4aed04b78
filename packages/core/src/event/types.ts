export type MetadataValue = string | number | boolean;
export type Metadata = Record<string, MetadataValue>;

/** An event as it arrives on the wire (snake_case, as the upstream API). */
export interface EventInput {
  event_id: string;
  customer_id: string;
  event_name: string;
  timestamp?: string | null;
  metadata?: Metadata | null;
}

/** An event that passed every rule; `timestamp` is epoch milliseconds. */
export interface ValidEvent {
  eventId: string;
  customerId: string;
  eventName: string;
  timestamp: number;
  metadata: Metadata | null;
}

/** One broken rule, naming the event by position and ID and the field at fault. */
export interface EventIssue {
  index: number;
  event_id?: string;
  field: string;
  message: string;
}
