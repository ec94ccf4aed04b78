import type { Customer } from '../api/types';
import { AutoTable, rowsOf } from '../components/auto-table';
import { Empty, ErrorNote, Loading, NotAvailable } from '../components/status';
import { formatDateTime } from '../format/format';
import { useHasAnyRoute } from '../hooks/use-capabilities';
import { useFetch } from '../hooks/use-fetch';
import { Link } from '../router/router';
import { useApi } from '../session/session-context';

export function CustomerPage({ id }: { id: string }) {
  const api = useApi();
  const c = useFetch((signal) => api.get<Customer>(`/customers/${encodeURIComponent(id)}`, {}, signal), [api, id]);
  return (
    <section aria-labelledby="customer-title">
      <p><Link to="/customers">← Customers</Link></p>
      <ErrorNote error={c.error} />
      {c.loading && !c.data && <Loading />}
      {c.error && <p>Events may name a customer that does not exist yet: <Link to="/events">see its events</Link>.</p>}
      {c.data && (
        <>
          <h1 id="customer-title">{c.data.name}</h1>
          <dl className="facts">
            <div><dt>Email</dt><dd>{c.data.email}</dd></div>
            <div><dt>Customer ID</dt><dd><code>{c.data.customer_id}</code></dd></div>
            <div><dt>External ID</dt><dd>{c.data.external_id ?? '—'}</dd></div>
            <div><dt>Created</dt><dd>{formatDateTime(c.data.created_at)}</dd></div>
          </dl>
          <UsageHistory id={c.data.customer_id} />
        </>
      )}
    </section>
  );
}

/** Usage and current-period charges, from the plans feature when the server has it. */
function UsageHistory({ id }: { id: string }) {
  const api = useApi();
  const has = useHasAnyRoute('get', '/customers/{id}/usage-history', '/customers/{customer_id}/usage-history');
  const hist = useFetch((signal) => (has ? api.get<unknown>(`/customers/${encodeURIComponent(id)}/usage-history`, {}, signal) : Promise.resolve(undefined)), [api, id, has]);
  return (
    <>
      <h2>Usage and current-period charges</h2>
      {has === false && <NotAvailable feature="Customer usage and charges" route="GET /customers/{id}/usage-history" />}
      <ErrorNote error={hist.error} />
      {has && hist.loading && !hist.data && <Loading />}
      {has && hist.data !== undefined && (rowsOf(hist.data).length
        ? <AutoTable rows={rowsOf(hist.data)} testId="usage-history" />
        : <Empty>No usage yet.</Empty>)}
      <p><Link to="/events">Browse this customer's events</Link> (filter by customer ID).</p>
    </>
  );
}
