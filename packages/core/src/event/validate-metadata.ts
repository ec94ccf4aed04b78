import { EVENT_LIMITS } from './limits.js';
import type { Metadata } from './types.js';

/**
 * Checks a metadata object against the flat-object rules. Returns the first
 * problem as a message and the offending field path, or undefined when valid.
 */
export function checkMetadata(value: unknown): { field: string; message: string } | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { field: 'metadata', message: 'must be an object of string, number or boolean values' };
  }
  let count = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    count++;
    if (key.length === 0 || key.length > EVENT_LIMITS.metadataKeyMaxLength) {
      return { field: 'metadata', message: `keys must be 1 to ${EVENT_LIMITS.metadataKeyMaxLength} characters` };
    }
    const v = (value as Record<string, unknown>)[key];
    const field = `metadata.${key}`;
    switch (typeof v) {
      case 'string':
        if (v.length > EVENT_LIMITS.metadataStringMaxLength) {
          return { field, message: `string values must be at most ${EVENT_LIMITS.metadataStringMaxLength} characters` };
        }
        break;
      case 'number':
        if (!Number.isFinite(v)) return { field, message: 'numbers must be finite' };
        break;
      case 'boolean':
        break;
      default:
        return {
          field,
          message: v === null
            ? 'null is not a metadata value; omit the key instead'
            : 'values must be a string, number or boolean; objects and arrays are rejected',
        };
    }
  }
  if (count > EVENT_LIMITS.metadataMaxKeys) {
    return { field: 'metadata', message: `at most ${EVENT_LIMITS.metadataMaxKeys} keys, got ${count}` };
  }
  return undefined;
}

export function isMetadata(value: unknown): value is Metadata {
  return value !== null && value !== undefined && checkMetadata(value) === undefined;
}
