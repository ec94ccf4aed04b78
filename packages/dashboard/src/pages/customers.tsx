import { useState, type FormEvent } from 'react';
import type { Customer, Page } from '../api/types';
import { Field } from '../components/field';
import { Pager } from '../components/pager';
import { Empty, ErrorNote, Loading } from '../components/status';
import { formatDateTime } from '../format/format';
import { useFetch } from '../hooks/use-fetch';
import { Link } from '../router/router';
import { useApi } from '../session/session-context';
import { CreateCustomerForm } from './customers/create-customer-form';
import { GoToCustomer } from './customers/go-to-customer';

const PAGE_SIZE = 25;

export function CustomersPage() {
  const api = useApi();
  const [search, setSearch] = useState({ name: '', email: '' });
  const [draft, setDraft] = useState(search);
  const [page, setPage] = useState(0);
  const list = useFetch(
    (signal) => api.get<Page<Customer>>('/customers', { ...search, page_size: PAGE_SIZE, page_number: page }, signal),
    [api, search.name, search.email, page],
  );
  const submit = (e: FormEvent) => { e.preventDefault(); setSearch({ name: draft.name.trim(), email: draft.email.trim() }); setPage(0); };
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title">Customers</h1>
      <form className="controls" onSubmit={submit} role="search" aria-label="Search customers">
        <Field label="Name contains" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <Field label="Email (exact)" type="email" value={draft.email} onChange={(e) => setDraft({ ...draft, email: e.target.value })} />
        <button type="submit" className="primary">Search</button>
      </form>
      <GoToCustomer />
      <details className="card">
        <summary>New customer</summary>
        <CreateCustomerForm onCreated={list.reload} />
      </details>
      <ErrorNote error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <Empty>No customers match.</Empty>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="customers-table">
            <thead><tr><th>Name</th><th>Email</th><th>External ID</th><th>Customer ID</th><th>Created</th></tr></thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.customer_id}>
                  <td><Link to={`/customers/${encodeURIComponent(c.customer_id)}`}>{c.name}</Link></td>
                  <td>{c.email}</td>
                  <td>{c.external_id ?? '—'}</td>
                  <td><code>{c.customer_id}</code></td>
                  <td>{formatDateTime(c.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} count={items.length} pageSize={PAGE_SIZE} onPage={setPage} />
    </section>
  );
}
