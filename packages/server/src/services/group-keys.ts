import { EVENT_LIMITS, type MeterIssue } from '@tally/core';

/** At most this many group keys per meter: each one adds a set of rollup rows at ingest. */
export const MAX_GROUP_KEYS = 5;

/**
 * `group_by_keys` (a Tally extension of POST /meters): the metadata keys usage
 * may be grouped by. Rollups are kept per value of each declared key, so
 * `group_by` on a key not declared here is refused rather than answered slowly.
 */
export function checkGroupKeys(value: unknown): MeterIssue[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [{ field: 'group_by_keys', message: 'must be an array of metadata keys' }];
  const issues: MeterIssue[] = [];
  if (value.length > MAX_GROUP_KEYS) issues.push({ field: 'group_by_keys', message: `must have at most ${MAX_GROUP_KEYS} keys` });
  value.forEach((k, i) => {
    if (typeof k !== 'string' || k.length === 0 || k.length > EVENT_LIMITS.metadataKeyMaxLength) {
      issues.push({ field: `group_by_keys[${i}]`, message: `must be a metadata key of 1 to ${EVENT_LIMITS.metadataKeyMaxLength} characters` });
    }
  });
  if (new Set(value).size !== value.length) issues.push({ field: 'group_by_keys', message: 'must not repeat a key' });
  return issues;
}
