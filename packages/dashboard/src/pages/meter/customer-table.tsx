import { useMemo, useState } from 'react';
import type { UsageItem } from '../../api/meter-types';
import { Empty } from '../../components/status';
import { formatNumber } from '../../format/format';
import { Link } from '../../router/router';

const SHOWN = 50;

/** Usage over the whole range per customer, largest first, exact as sent. */
export function CustomerTable({ items, unit, loading }: { items: UsageItem[] | undefined; unit: string; loading: boolean }) {
  const [all, setAll] = useState(false);
  const rows = useMemo(() => [...(items ?? [])].sort((a, b) => Number(b.value) - Number(a.value)), [items]);
  if (!items) return loading ? null : <Empty>No usage.</Empty>;
  const shown = all ? rows : rows.slice(0, SHOWN);
  return (
    <div className="customers-usage">
      <h3>By customer</h3>
      {rows.length === 0 ? <Empty>No customer has usage in this range.</Empty> : (
        <div className="table-wrap">
          <table data-testid="customer-usage-table">
            <thead><tr><th>Customer</th><th className="num">Usage ({unit})</th></tr></thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.customer_id}>
                  <td><Link to={`/customers/${encodeURIComponent(r.customer_id)}`}>{r.customer_id}</Link></td>
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
