import { useMemo, useState } from 'react';
import { Field, Select } from '../components/field';
import { Empty, ErrorNote, Loading, NotAvailable } from '../components/status';
import { UsageChart } from '../components/usage-chart';
import { formatPercent } from '../format/format';
import { useHasRoute } from '../hooks/use-capabilities';
import { useFetch } from '../hooks/use-fetch';
import { useApi } from '../session/session-context';
import { PerfTable } from './api-performance/perf-table';
import { GROUPS, type ApiCallsAnswer, type GroupBy } from './api-performance/types';
import { browserTimeZone, RANGES, rangeBounds } from './meter/usage-query';

/** Windows for the latency chart: about 24 to 90 points whatever the range. */
const CHART_WINDOW: Record<string, string> = { '1h': 'minute', '24h': 'hour', '7d': 'hour', '30d': 'day', '90d': 'day' };

/** Latency percentiles and error rates of the API calls the gateway middleware reports. */
export function ApiPerformancePage() {
  const has = useHasRoute('get', '/analytics/api-calls');
  return (
    <section aria-labelledby="perf-title">
      <h1 id="perf-title">API performance</h1>
      <p className="muted">Your API's calls as the SDK's gateway middleware reports them: count, 4xx/5xx error rates, response-time percentiles and bytes.</p>
      {has === false ? <NotAvailable feature="API performance analytics" route="GET /analytics/api-calls" /> : has && <Analytics />}
    </section>
  );
}

function Analytics() {
  const api = useApi();
  const [range, setRange] = useState('24h');
  const [groupBy, setGroupBy] = useState<GroupBy>('endpoint');
  const [eventName, setEventName] = useState('api_call');
  const bounds = useMemo(() => rangeBounds(range), [range]);
  const tz = browserTimeZone();
  const base = { ...bounds, event_name: eventName.trim() || undefined, time_zone: tz };
  const grouped = useFetch((signal) => api.get<ApiCallsAnswer>('/analytics/api-calls', { ...base, group_by: groupBy }, signal), [api, bounds, groupBy, eventName]);
  const overTime = useFetch((signal) => api.get<ApiCallsAnswer>('/analytics/api-calls', { ...base, window_size: CHART_WINDOW[range] }, signal), [api, bounds, eventName, range]);
  const p95 = useMemo(() => (overTime.data?.items ?? []).map((r) => ({ t: Date.parse(r.window_start), value: r.p95_ms })), [overTime.data]);
  const label = GROUPS.find(([g]) => g === groupBy)?.[1] ?? groupBy;
  const rows = grouped.data?.items ?? [];
  return (
    <>
      <div className="controls" role="group" aria-label="Analytics query">
        <Select label="Range" value={range} options={RANGES} onChange={setRange} />
        <Select label="Group by" value={groupBy} options={GROUPS} onChange={(g) => setGroupBy(g as GroupBy)} />
        <Field label="Event name" value={eventName} onChange={(e) => setEventName(e.target.value)} />
      </div>
      <ErrorNote error={grouped.error ?? overTime.error} />
      {grouped.loading && !grouped.data && <Loading />}
      {grouped.data && (rows.length === 0 ? <Empty>No API calls in this range.</Empty> : (
        <>
          <PerfTable rows={rows} groupBy={groupBy} label={label} />
          <p className="muted">Percentiles are within {formatPercent(grouped.data.percentile_relative_error)} of the exact value.</p>
        </>
      ))}
      {p95.some((p) => p.value !== null) && (
        <figure className="chart-figure">
          <UsageChart points={p95} label="p95 (ms)" timeZone={tz} xRange={[Date.parse(bounds.start), Date.parse(bounds.end)]} title="95th percentile response time per window" />
          <figcaption>p95 response time per {CHART_WINDOW[range]}, all endpoints, in {tz}</figcaption>
        </figure>
      )}
    </>
  );
}
