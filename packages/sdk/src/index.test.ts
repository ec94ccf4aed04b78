import * as upstream from '@dodopayments/ingestion-blueprints';
import { describe, expect, it } from 'vitest';
import * as sdk from './index.js';

// Moving from the hosted product's SDK is an import change: every entry point
// it exports exists here under the same name, except its raw API client
// (Ingestion is the client here) and ProviderError (provider errors pass through).
const NOT_MIRRORED = new Set(['DodoClient', 'ProviderError']);

describe('the main entry', () => {
  it('exports every upstream entry point by the same name', () => {
    const missing = Object.keys(upstream).filter((name) => !NOT_MIRRORED.has(name) && !(name in sdk));
    expect(missing).toEqual([]);
    for (const name of ['createBatch', 'trackAPICall', 'createLLMTracker', 'trackObjectStorage', 'trackStreamBytes', 'trackTimeRange']) {
      expect(typeof (sdk as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
