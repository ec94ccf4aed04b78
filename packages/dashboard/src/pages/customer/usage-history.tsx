import { Empty, ErrorNote, Loading, NotAvailable } from '../../components/status';
import { formatDateTime, formatNumber } from '../../format/format';
import { formatMinor } from '../../format/money';
import { useHasAnyRoute } from '../../hooks/use-capabilities';
import { useFetch } from '../../hooks/use-fetch';
import { Link } from '../../router/router';
import { useApi } from '../../session/session-context';

interface MeterLine {
  id: string; name: string; consumed_units: string; free_threshold: number; chargeable_units: string;
  price_per_unit: string; currency: string; total_price: number;
}
interface Period { start_date: string; end_date: string; subscription_id: string; meters: MeterLine[] }

/** Charges per billing period and meter (the plans feature), newest period first. */
export function UsageHistory({ id }: { id: string }) {
  const api = useApi();
  const has = useHasAnyRoute('get', '/customers/{id}/usage-history', '/customers/{customer_id}/usage-history');
  const hist = useFetch(
    (signal) => (has ? api.get<{ items: Period[] }>(`/customers/${encodeURIComponent(id)}/usage-history`, { page_size: 6 }, signal) : Promise.resolve(undefined)),
    [api, id, has],
  );
  if (has === false) return <NotAvailable feature="Charges per billing period" route="GET /customers/{id}/usage-history" />;
  if (hist.error) return <ErrorNote error={hist.error} />;
  if (!hist.data) return <Loading />;
  if (hist.data.items.length === 0) return <Empty>No subscription: this customer has no priced usage.</Empty>;
  const now = Date.now();
  return (
    <>
      {hist.data.items.map((p) => {
        const current = Date.parse(p.start_date) <= now && now < Date.parse(p.end_date);
        return (
          <div key={`${p.subscription_id}-${p.start_date}`} className="period">
            <h3>{current ? 'Current period: ' : ''}{formatDateTime(p.start_date)} – {formatDateTime(p.end_date)}</h3>
            <div className="table-wrap">
              <table data-testid={current ? 'current-charges' : undefined}>
                <thead><tr><th>Meter</th><th className="num">Used</th><th className="num">Free</th><th className="num">Charged units</th><th className="num">Price per unit</th><th className="num">Charge</th></tr></thead>
                <tbody>
                  {p.meters.map((m) => (
                    <tr key={m.id}>
                      <td><Link to={`/meters/${encodeURIComponent(m.id)}`}>{m.name}</Link></td>
                      <td className="num">{formatNumber(m.consumed_units)}</td>
                      <td className="num">{formatNumber(m.free_threshold)}</td>
                      <td className="num">{formatNumber(m.chargeable_units)}</td>
                      <td className="num">{m.price_per_unit} {m.currency}</td>
                      <td className="num"><strong>{formatMinor(m.total_price, m.currency)}</strong></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </>
  );
}
