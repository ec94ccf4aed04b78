import { useMemo, useState } from 'react';
import { AutoTable, rowsOf } from '../components/auto-table';
import { Field, Select } from '../components/field';
import { Empty, ErrorNote, Loading, NotAvailable } from '../components/status';
import { useHasRoute } from '../hooks/use-capabilities';
import { useFetch } from '../hooks/use-fetch';
import { useApi } from '../session/session-context';
import { browserTimeZone, RANGES, rangeBounds } from './meter/usage-query';

const GROUPS = [['endpoint', 'endpoint'], ['method', 'method'], ['status_code', 'status code'], ['customer_id', 'customer']] as const;

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
  const [groupBy, setGroupBy] = useState('endpoint');
  const [eventName, setEventName] = useState('api_call');
  const bounds = useMemo(() => rangeBounds(range), [range]);
  const res = useFetch(
    (signal) => api.get<unknown>('/analytics/api-calls', { ...bounds, event_name: eventName || undefined, group_by: groupBy, window_size: 'none', time_zone: browserTimeZone() }, signal),
    [api, bounds, groupBy, eventName],
  );
  const rows = rowsOf(res.data);
  return (
    <>
      <div className="controls" role="group" aria-label="Analytics query">
        <Select label="Range" value={range} options={RANGES} onChange={setRange} />
        <Select label="Group by" value={groupBy} options={GROUPS} onChange={setGroupBy} />
        <Field label="Event name" value={eventName} onChange={(e) => setEventName(e.target.value)} />
      </div>
      <ErrorNote error={res.error} />
      {res.loading && !res.data && <Loading />}
      {res.data !== undefined && (rows.length ? <AutoTable rows={rows} testId="api-perf" /> : <Empty>No API calls in this range.</Empty>)}
    </>
  );
}
