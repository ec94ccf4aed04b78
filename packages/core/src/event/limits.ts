/** Limits on one event and one ingest request, shared by the server and the SDK. */
export const EVENT_LIMITS = {
  maxEventsPerRequest: 1000,
  idMaxLength: 255,
  nameMaxLength: 255,
  metadataMaxKeys: 50,
  metadataKeyMaxLength: 100,
  metadataStringMaxLength: 500,
} as const;

/** How far from the server's clock an event's timestamp may lie. */
export interface TimeWindow {
  /** Oldest accepted age, in milliseconds. */
  maxAgeMs: number;
  /** Furthest accepted distance into the future, in milliseconds. */
  maxFutureMs: number;
}

export const DEFAULT_TIME_WINDOW: TimeWindow = {
  maxAgeMs: 35 * 24 * 60 * 60 * 1000,
  maxFutureMs: 5 * 60 * 1000,
};
