import { EVENT_LIMITS } from '../event/limits.js';

/** Limits on a meter definition. Keys and string values mirror event metadata limits. */
export const METER_LIMITS = {
  nameMaxLength: 255,
  eventNameMaxLength: EVENT_LIMITS.nameMaxLength,
  measurementUnitMaxLength: 255,
  descriptionMaxLength: 1000,
  keyMaxLength: EVENT_LIMITS.metadataKeyMaxLength,
  filterValueMaxLength: EVENT_LIMITS.metadataStringMaxLength,
  /** A top-level filter is level 1; its nested filters are level 2, and so on. */
  maxFilterDepth: 3,
  maxClausesPerFilter: 100,
} as const;

/** One problem with a meter body; `field` is a path such as `filter.clauses[1].operator`. */
export interface MeterIssue {
  field: string;
  message: string;
}
