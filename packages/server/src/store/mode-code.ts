import type { Mode } from './types.js';

// Stored as a small integer: the mode is in every row and every index entry.
export const modeCode = (mode: Mode): number => (mode === 'live_mode' ? 1 : 0);
export const modeOf = (code: number): Mode => (code === 1 ? 'live_mode' : 'test_mode');
