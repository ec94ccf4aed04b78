import { describe, expect, it } from 'vitest';
import { parsePrometheus, sumOf } from '../src/api/prometheus';
import { readBackfill } from '../src/pages/meter/backfill';
import { matchPath } from '../src/router/router';

describe('reading /metrics', () => {
  const text = [
    '# HELP tally_events_ingested_total Events stored',
    'tally_events_ingested_total{mode="test_mode"} 12',
    'tally_events_ingested_total{mode="live_mode"} 5',
    'tally_http_request_duration_seconds_count{method="POST",route="/events/ingest",status="400"} 3',
    'tally_http_request_duration_seconds_count{method="POST",route="/events/ingest",status="200"} 9',
    'tally_http_request_duration_seconds_count{method="GET",route="/a \\"b\\"",status="503"} 1',
    'tally_events_rejected_total 4',
  ].join('\n');
  const s = parsePrometheus(text);

  it('sums samples by label, with regular expressions for status classes', () => {
    expect(sumOf(s, 'tally_events_ingested_total', { mode: 'test_mode' })).toBe(12);
    expect(sumOf(s, 'tally_http_request_duration_seconds_count', { route: '/events/ingest', status: /^4/ })).toBe(3);
    expect(sumOf(s, 'tally_events_rejected_total')).toBe(4);
    expect(s.find((x) => x.labels.status === '503')?.labels.route).toBe('/a "b"');
  });
});

describe('backfill progress', () => {
  it('understands a ratio, a percentage, processed/total and a bare status', () => {
    expect(readBackfill({ backfill: { status: 'running', progress: 0.25 } })).toEqual({ state: 'running', ratio: 0.25 });
    expect(readBackfill({ backfill: { state: 'running', percent: 40 } })?.ratio).toBe(0.4);
    expect(readBackfill({ backfill: { status: 'running', processed: 30, total: 120 } })?.ratio).toBe(0.25);
    expect(readBackfill({ backfill_status: 'complete' })).toEqual({ state: 'complete' });
    expect(readBackfill({})).toBeUndefined();
  });
});

describe('client routes', () => {
  it('matches patterns and decodes parameters', () => {
    expect(matchPath('/meters/:id', '/meters/mtr%201')).toEqual({ id: 'mtr 1' });
    expect(matchPath('/meters/:id', '/meters')).toBeNull();
    expect(matchPath('/meters/new', '/meters/mtr_1')).toBeNull();
  });
});

describe('money', () => {
  it('prints minor units exactly, with the currency exponent', async () => {
    const { formatMinor } = await import('../src/format/money');
    expect(formatMinor(300, 'usd')).toBe('USD 3.00');
    expect(formatMinor(5, 'USD')).toBe('USD 0.05');
    expect(formatMinor(-1234, 'EUR')).toBe('EUR -12.34');
    expect(formatMinor(5, 'JPY')).toBe('JPY 5');
    expect(formatMinor('123456789012345678901', 'USD')).toBe('USD 1234567890123456789.01');
  });
});
