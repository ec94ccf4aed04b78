import type { Mode } from '../api/types';

/** One key per mode (a key belongs to one mode) and the mode being looked at. */
export interface Session {
  keys: Partial<Record<Mode, string>>;
  mode: Mode;
}

// sessionStorage: the key goes away with the tab, and is never sent anywhere
// but this server's API.
const STORAGE_KEY = 'tally.session';

export function loadSession(): Session {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (raw) {
      const s = JSON.parse(raw) as Session;
      if (s.mode === 'test_mode' || s.mode === 'live_mode') return { keys: s.keys ?? {}, mode: s.mode };
    }
  } catch {
    // unreadable storage: start signed out
  }
  return { keys: {}, mode: 'test_mode' };
}

export function saveSession(s: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
}

/** The mode a key's prefix names, when it has Tally's prefix. */
export function modeOfKey(secret: string): Mode | undefined {
  if (secret.startsWith('tly_test_')) return 'test_mode';
  if (secret.startsWith('tly_live_')) return 'live_mode';
  return undefined;
}

export const MODE_LABEL: Record<Mode, string> = { test_mode: 'Test mode', live_mode: 'Live mode' };
