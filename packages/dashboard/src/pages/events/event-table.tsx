import type { UsageEvent } from '../../api/types';
import { formatDateTime } from '../../format/format';
import { Link } from '../../router/router';

function metadataSummary(m: UsageEvent['metadata']): string {
  if (!m) return '';
  const s = Object.entries(m).map(([k, v]) => `${k}=${String(v)}`).join(', ');
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

export function EventTable({ items, fresh }: { items: UsageEvent[]; fresh?: Set<string> }) {
  return (
    <div className="table-wrap">
      <table data-testid="events-table">
        <thead><tr><th>Time</th><th>Event</th><th>Customer</th><th>Event ID</th><th>Metadata</th></tr></thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.event_id} className={fresh?.has(e.event_id) ? 'fresh' : undefined}>
              <td>{formatDateTime(e.timestamp)}</td>
              <td><code>{e.event_name}</code></td>
              <td><Link to={`/customers/${encodeURIComponent(e.customer_id)}`}>{e.customer_id}</Link></td>
              <td><Link to={`/events/${encodeURIComponent(e.event_id)}`}>{e.event_id}</Link></td>
              <td className="meta">{metadataSummary(e.metadata)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
