import { useMemo } from 'react';
import { UsageChart } from '../../components/usage-chart';
import { Empty, ErrorNote, Loading, NotAvailable } from '../../components/status';
import { formatDateTime, formatNumber } from '../../format/format';
import { useHasRoute } from '../../hooks/use-capabilities';
import { useFetch } from '../../hooks/use-fetch';
import { Link } from '../../router/router';
import { useApi } from '../../session/session-context';
import { browserTimeZone } from '../meter/usage-query';

export interface StatsOverview {
  events_per_minute: { minute: string; count: number }[];
  unknown_customers: { customer_id: string; event_count: number; last_event_at: string }[];
  unknown_since: string;
}

/** Numbers across every replica, from the database: GET /stats/overview. */
export function StatsPanels() {
  const has = useHasRoute('get', '/stats/overview');
  if (has === undefined) return null;
  if (!has) return <NotAvailable feature="Events per minute and events waiting for an unknown customer" route="GET /stats/overview" />;
  return <Panels />;
}

function Panels() {
  const api = useApi();
  const stats = useFetch((signal) => api.get<StatsOverview>('/stats/overview', {}, signal), [api]);
  const points = useMemo(
    () => (stats.data?.events_per_minute ?? []).map((m) => ({ t: Date.parse(m.minute), value: m.count })),
    [stats.data],
  );
  if (stats.error) return <ErrorNote error={stats.error} />;
  if (!stats.data) return <Loading what="Loading stats" />;
  const lastHour = points.reduce((s, p) => s + p.value, 0);
  const unknown = stats.data.unknown_customers;
  return (
    <>
      <h2>Events per minute, last hour</h2>
      <p className="muted">By event timestamp, all replicas: <strong data-testid="events-last-hour">{formatNumber(lastHour)}</strong> events in the last 60 minutes. <button type="button" className="link" onClick={stats.reload}>Refresh</button></p>
      <UsageChart points={points} endT={points.length ? points[points.length - 1]!.t + 60_000 : undefined} label="events" timeZone={browserTimeZone()} title="Events per minute over the last hour" />
      <h2>Events waiting for an unknown customer</h2>
      <p className="muted">Stored, but counted toward no usage until a customer with this ID or external ID exists (events since {formatDateTime(stats.data.unknown_since)}).</p>
      {unknown.length === 0 ? <Empty>None: every recent event names a known customer.</Empty> : (
        <div className="table-wrap">
          <table data-testid="unknown-customers">
            <thead><tr><th>Customer ID in the events</th><th className="num">Events</th><th>Latest</th></tr></thead>
            <tbody>
              {unknown.map((u) => (
                <tr key={u.customer_id}>
                  <td><code>{u.customer_id}</code></td>
                  <td className="num">{formatNumber(u.event_count)}</td>
                  <td>{formatDateTime(u.last_event_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p><Link to="/customers">Create the missing customers →</Link></p>
    </>
  );
}
