import type { Meter, UsageItem } from '../../api/meter-types';
import type { Page } from '../../api/types';
import { Empty, ErrorNote, Loading } from '../../components/status';
import { formatNumber } from '../../format/format';
import { useHasRoute } from '../../hooks/use-capabilities';
import { useFetch } from '../../hooks/use-fetch';
import { Link } from '../../router/router';
import { useApi } from '../../session/session-context';

const METERS = 20;

/** Start of this calendar month in the browser's zone, as RFC 3339. */
function monthStart(now = new Date()): string {
  return new Date(now.getFullYear(), now.getMonth(), 1).toISOString();
}

/** This customer's usage this month on each active meter (the first 20), one rollup query each. */
export function MeterUsageList({ customerId }: { customerId: string }) {
  const api = useApi();
  const has = useHasRoute('get', '/meters/{id}/usage');
  const res = useFetch(async (signal) => {
    if (!has) return undefined;
    const meters = (await api.get<Page<Meter>>('/meters', { page_size: METERS }, signal)).items;
    const start = monthStart();
    // Usage is kept per minute: the range ends on the next whole minute.
    const end = new Date(Math.ceil((Date.now() + 1) / 60_000) * 60_000).toISOString();
    return Promise.all(meters.map(async (m) => {
      const u = await api.get<{ items: UsageItem[] }>(`/meters/${encodeURIComponent(m.id)}/usage`, { start, end, window_size: 'none', customer_id: customerId }, signal);
      return { meter: m, value: u.items[0]?.value ?? 0 };
    }));
  }, [api, customerId, has]);
  if (has === false) return null;
  if (res.error) return <ErrorNote error={res.error} />;
  if (!res.data) return <Loading what="Reading usage" />;
  if (res.data.length === 0) return <Empty>No meters yet.</Empty>;
  return (
    <div className="table-wrap">
      <table data-testid="customer-meter-usage">
        <thead><tr><th>Meter</th><th className="num">Usage this month</th><th>Unit</th></tr></thead>
        <tbody>
          {res.data.map(({ meter, value }) => (
            <tr key={meter.id}>
              <td><Link to={`/meters/${encodeURIComponent(meter.id)}`}>{meter.name}</Link></td>
              <td className="num">{formatNumber(value)}</td>
              <td>{meter.measurement_unit}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
