import { useState, type FormEvent } from 'react';
import type { AggregationType, Meter } from '../api/meter-types';
import { Field, Select } from '../components/field';
import { ErrorNote, NotAvailable } from '../components/status';
import { useHasRoute } from '../hooks/use-capabilities';
import { navigate } from '../router/router';
import { useApi } from '../session/session-context';
import { FilterBuilder } from './meter-create/filter-builder';
import { newGroup, toMeterFilter, type DraftGroup } from './meter-create/filter-draft';
import { FilterPreview } from './meter-create/filter-preview';
import { IssueList } from './meter-create/issue-list';

const AGGREGATIONS: [AggregationType, string][] = [
  ['count', 'count of events'], ['sum', 'sum'], ['max', 'maximum'], ['min', 'minimum'],
  ['avg', 'average'], ['last', 'last value'], ['unique_count', 'count of unique values'],
];

export function MeterCreatePage() {
  const has = useHasRoute('post', '/meters');
  return (
    <section aria-labelledby="new-meter-title">
      <h1 id="new-meter-title">New meter</h1>
      {has === false ? <NotAvailable feature="Creating meters" route="POST /meters" /> : <MeterForm />}
    </section>
  );
}

function MeterForm() {
  const api = useApi();
  const [f, setF] = useState({ name: '', event_name: '', type: 'count' as AggregationType, key: '', unit: '', description: '', groupKeys: '' });
  const [filter, setFilter] = useState<DraftGroup>(() => ({ ...newGroup(), clauses: [] }));
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const wire = toMeterFilter(filter);
  const groupKeys = f.groupKeys.split(',').map((k) => k.trim()).filter(Boolean);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = {
        name: f.name, event_name: f.event_name, measurement_unit: f.unit,
        aggregation: f.type === 'count' ? { type: 'count' } : { type: f.type, key: f.key },
        ...(f.description ? { description: f.description } : {}),
        ...(wire ? { filter: wire } : {}),
        ...(groupKeys.length ? { group_by_keys: groupKeys } : {}),
      };
      const m = await api.post<Meter>('/meters', body);
      navigate(`/meters/${encodeURIComponent(m.id)}`);
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  };
  return (
    <form className="card meter-form" onSubmit={submit}>
      <div className="grid-2">
        <Field label="Name" required value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />
        <Field label="Event name" required value={f.event_name} onChange={(e) => setF({ ...f, event_name: e.target.value })} hint="Matched exactly, case-sensitive." />
        <Select label="Aggregation" value={f.type} options={AGGREGATIONS} onChange={(v) => setF({ ...f, type: v as AggregationType })} />
        {f.type !== 'count' && <Field label="Metadata key to aggregate" required value={f.key} onChange={(e) => setF({ ...f, key: e.target.value })} />}
        <Field label="Measurement unit" required value={f.unit} onChange={(e) => setF({ ...f, unit: e.target.value })} placeholder="e.g. calls, tokens, GB" />
        <Field label="Description (optional)" value={f.description} onChange={(e) => setF({ ...f, description: e.target.value })} />
        <Field label="Group by keys (optional)" value={f.groupKeys} onChange={(e) => setF({ ...f, groupKeys: e.target.value })}
          placeholder="e.g. endpoint, model" hint="Metadata keys, comma-separated, that usage can later be split by." />
      </div>
      <FilterBuilder root={filter} onChange={setFilter} />
      <FilterPreview eventName={f.event_name} filter={wire} />
      <ErrorNote error={error} />
      <IssueList error={error} />
      <button type="submit" className="primary" disabled={busy}>{busy ? 'Creating…' : 'Create meter'}</button>
    </form>
  );
}
