import type { Mode } from '../api/types';

/**
 * In live mode a destructive action asks first (real customers' usage is at
 * stake); in test mode it just happens.
 */
export function confirmLive(mode: Mode, what: string): boolean {
  return mode !== 'live_mode' || window.confirm(`LIVE MODE: ${what}?`);
}
