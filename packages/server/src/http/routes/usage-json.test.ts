import type { UsageItem } from '@tally/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usageJson } from './usage-json.js';

const item = fc.record({
  customer_id: fc.oneof(fc.constantFrom('cus_1', 'cus_2'), fc.string({ unit: 'binary' })),
  window_start: fc.integer({ min: 0, max: 4e12 }),
  window_end: fc.integer({ min: 0, max: 4e12 }),
  value: fc.option(fc.constantFrom('0', '12.5', '-3'), { nil: null }),
  group: fc.oneof(fc.constant(null), fc.string({ unit: 'binary' }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()),
}) as fc.Arbitrary<UsageItem>;

describe('usageJson', () => {
  it('is the JSON of the documented answer, whatever the strings hold', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 20 }), fc.option(fc.string({ unit: 'binary' }), { nil: undefined }), (items, groupBy) => {
        const documented = {
          items: items.map((i) => ({
            customer_id: i.customer_id,
            window_start: new Date(i.window_start).toISOString(),
            window_end: new Date(i.window_end).toISOString(),
            value: i.value,
            group: groupBy === undefined ? null : { [groupBy]: i.group },
          })),
        };
        expect(JSON.parse(usageJson(items, groupBy))).toEqual(JSON.parse(JSON.stringify(documented)));
      }),
    );
  });
});
