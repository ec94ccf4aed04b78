import type { TrackEvent } from '../../types.js';

/** Flat event metadata, as the server accepts it: no objects, no arrays. */
export type Metadata = Record<string, string | number | boolean>;

/**
 * Called when a usage event could not be recorded by automatic tracking
 * (wrapped clients, counters, `measure`). Automatic tracking never throws into
 * the caller's code path, so this hook is where such failures surface.
 */
export type TrackErrorHandler = (error: unknown, event?: TrackEvent) => void;
