import { describe, expect, it } from 'vitest';
import { StoredUniques } from './stored-uniques.js';

describe('StoredUniques', () => {
  it('knows a row only once its transaction commits', () => {
    const s = new StoredUniques();
    s.add('a');
    expect(s.has('a')).toBe(false);
    s.commit();
    expect(s.has('a')).toBe(true);
  });

  it('forgets what a rolled-back transaction wrote, and everything on clear', () => {
    const s = new StoredUniques();
    s.add('a');
    s.commit();
    s.add('b');
    s.rollback();
    s.commit();
    expect(s.has('b')).toBe(false);
    s.clear();
    expect(s.has('a')).toBe(false);
  });
});
