import { checkMetadata } from '@tally/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallFacts } from './call-facts.js';
import { callMetadata, callMetadataFits } from './call-metadata.js';

// Facts as adapters report them, plus the odd values an app could leave behind.
const textArb = fc.oneof(fc.string({ maxLength: 20 }), fc.constant('e'.repeat(500)), fc.constant('e'.repeat(501)));
const numberArb = fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.double(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY));
const factsArb: fc.Arbitrary<CallFacts> = fc.record(
  {
    endpoint: textArb,
    method: fc.oneof(fc.constantFrom('GET', 'POST'), textArb),
    statusCode: numberArb,
    startedAt: fc.double({ min: 0, max: 1e7, noNaN: true }),
    requestBytes: numberArb,
    responseBytes: numberArb,
    aborted: fc.boolean(),
  },
  { requiredKeys: ['endpoint', 'method', 'statusCode', 'startedAt'] },
);

describe('callMetadataFits', () => {
  it('is true exactly when the built metadata passes the event rules', () => {
    fc.assert(
      fc.property(factsArb, numberArb, (facts, ms) => {
        expect(callMetadataFits(facts, ms)).toBe(checkMetadata(callMetadata(facts, ms)) === undefined);
      }),
      { numRuns: 5000 },
    );
  });
});
