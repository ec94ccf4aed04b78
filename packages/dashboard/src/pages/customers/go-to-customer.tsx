import { useState, type FormEvent } from 'react';
import { Field } from '../../components/field';
import { navigate } from '../../router/router';

/** Straight to one customer by its ID (cus_…), without searching. */
export function GoToCustomer() {
  const [id, setId] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (id.trim()) navigate(`/customers/${encodeURIComponent(id.trim())}`);
  };
  return (
    <form className="controls" onSubmit={submit} aria-label="Open a customer by ID">
      <Field label="Customer ID" value={id} onChange={(e) => setId(e.target.value)} placeholder="cus_…" />
      <button type="submit">Open</button>
    </form>
  );
}
