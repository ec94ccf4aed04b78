import { useState, type FormEvent } from 'react';
import type { Customer } from '../../api/types';
import { Field } from '../../components/field';
import { ErrorNote } from '../../components/status';
import { navigate } from '../../router/router';
import { useApi } from '../../session/session-context';
import { IssueList } from '../meter-create/issue-list';

export function CreateCustomerForm({ onCreated }: { onCreated(): void }) {
  const api = useApi();
  const [f, setF] = useState({ name: '', email: '', external_id: '' });
  const [error, setError] = useState<Error>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const c = await api.post<Customer>('/customers', { name: f.name, email: f.email, ...(f.external_id.trim() ? { external_id: f.external_id.trim() } : {}) });
      onCreated();
      navigate(`/customers/${encodeURIComponent(c.customer_id)}`);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Create a customer">
      <Field label="Name" required value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />
      <Field label="Email" type="email" required value={f.email} onChange={(e) => setF({ ...f, email: e.target.value })} />
      <Field label="External ID (optional)" value={f.external_id} onChange={(e) => setF({ ...f, external_id: e.target.value })}
        hint="Your own ID for this customer; events may name the customer by it." />
      <button type="submit" className="primary">Create customer</button>
      <ErrorNote error={error} />
      <IssueList error={error} />
    </form>
  );
}
