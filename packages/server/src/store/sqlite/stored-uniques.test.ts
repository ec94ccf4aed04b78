import { describe, expect, it } from 'vitest';
import { StoredUniques } from './stored-uniques.js';

describe('StoredUniques', () => {
  it('knows a row only once its transaction commits', () => {
    const s = new StoredUniques();
    s.add('cell', 'a');
    expect(s.has('cell', 'a')).toBe(false);
    s.commit();
    expect(s.has('cell', 'a')).toBe(true);
    expect(s.has('other', 'a')).toBe(false);
    expect([...s.of('cell')!]).toEqual(['a']);
  });

  it('forgets what a rolled-back transaction wrote, and everything on clear', () => {
    const s = new StoredUniques();
    s.add('cell', 'a');
    s.commit();
    s.add('cell', 'b');
    s.rollback();
    s.commit();
    expect(s.has('cell', 'b')).toBe(false);
    s.clear();
    expect(s.has('cell', 'a')).toBe(false);
    expect(s.of('cell')).toBeUndefined();
  });
});
