import type { Customer } from '../api/types';
import { ErrorNote, Loading } from '../components/status';
import { formatDateTime } from '../format/format';
import { useFetch } from '../hooks/use-fetch';
import { Link } from '../router/router';
import { useApi } from '../session/session-context';
import { MeterUsageList } from './customer/meter-usage-list';
import { UsageHistory } from './customer/usage-history';

export function CustomerPage({ id }: { id: string }) {
  const api = useApi();
  const c = useFetch((signal) => api.get<Customer>(`/customers/${encodeURIComponent(id)}`, {}, signal), [api, id]);
  return (
    <section aria-labelledby="customer-title">
      <p><Link to="/customers">← Customers</Link></p>
      <ErrorNote error={c.error} />
      {c.loading && !c.data && <Loading />}
      {c.error && <p>Events may name a customer that does not exist yet: <Link to={`/events?customer_id=${encodeURIComponent(id)}`}>see the events for {id}</Link>.</p>}
      {c.data && (
        <>
          <h1 id="customer-title">{c.data.name}</h1>
          <dl className="facts">
            <div><dt>Email</dt><dd>{c.data.email}</dd></div>
            <div><dt>Customer ID</dt><dd><code>{c.data.customer_id}</code></dd></div>
            <div><dt>External ID</dt><dd>{c.data.external_id ?? '—'}</dd></div>
            <div><dt>Created</dt><dd>{formatDateTime(c.data.created_at)}</dd></div>
          </dl>
          <h2>Usage this month</h2>
          <MeterUsageList customerId={c.data.customer_id} />
          <h2>Charges per billing period</h2>
          <UsageHistory id={c.data.customer_id} />
          <p>
            Events: <Link to={`/events?customer_id=${encodeURIComponent(c.data.customer_id)}`}>by customer ID</Link>
            {c.data.external_id && <> · <Link to={`/events?customer_id=${encodeURIComponent(c.data.external_id)}`}>by external ID</Link></>}
          </p>
        </>
      )}
    </section>
  );
}
