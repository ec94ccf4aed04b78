import { useMemo, useState } from 'react';
import type { UsageItem } from '../../api/meter-types';
import { Empty } from '../../components/status';
import { formatNumber } from '../../format/format';
import { Link } from '../../router/router';

const SHOWN = 50;

/** Usage over the whole range per customer, largest first, exact as sent. */
interface Props {
  items: UsageItem[] | undefined;
  unit: string;
  loading: boolean;
  /** The metadata key rows are grouped by, or ''. */
  groupBy: string;
}

function groupValue(item: UsageItem, key: string): string {
  const g = item.group;
  if (!g || typeof g !== 'object') return '—';
  const v = (g as Record<string, unknown>)[key];
  return v === undefined || v === null ? '(none)' : String(v);
}

export function CustomerTable({ items, unit, loading, groupBy }: Props) {
  const [all, setAll] = useState(false);
  const rows = useMemo(() => [...(items ?? [])].sort((a, b) => Number(b.value) - Number(a.value)), [items]);
  if (!items) return loading ? null : <Empty>No usage.</Empty>;
  const shown = all ? rows : rows.slice(0, SHOWN);
  return (
    <div className="customers-usage">
      <h3>By customer{groupBy ? ` and ${groupBy}` : ''}</h3>
      {rows.length === 0 ? <Empty>No customer has usage in this range.</Empty> : (
        <div className="table-wrap">
          <table data-testid="customer-usage-table">
            <thead><tr><th>Customer</th>{groupBy && <th>{groupBy}</th>}<th className="num">Usage ({unit})</th></tr></thead>
            <tbody>
              {shown.map((r) => (
                <tr key={`${r.customer_id}\u0000${groupBy ? groupValue(r, groupBy) : ''}`}>
                  <td><Link to={`/customers/${encodeURIComponent(r.customer_id)}`}>{r.customer_id}</Link></td>
                  {groupBy && <td><code>{groupValue(r, groupBy)}</code></td>}
                  <td className="num">{formatNumber(r.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > SHOWN && !all && <button type="button" onClick={() => setAll(true)}>Show all {rows.length} customers</button>}
    </div>
  );
}
