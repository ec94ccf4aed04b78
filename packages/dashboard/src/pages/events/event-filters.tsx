import { useState, type FormEvent } from 'react';
import { Field, Select } from '../../components/field';
import { localInputToIso } from '../../format/format';
import { useHasRoute } from '../../hooks/use-capabilities';

export interface EventFilterValues {
  customer_id: string;
  event_name: string;
  meter_id: string;
  start: string;
  end: string;
  page_size: string;
}

/** The GET /events query the filters ask for (server-side filtering, never in the browser). */
export function toQuery(f: EventFilterValues) {
  return {
    customer_id: f.customer_id.trim(),
    event_name: f.event_name.trim(),
    meter_id: f.meter_id.trim(),
    start: localInputToIso(f.start),
    end: localInputToIso(f.end),
    page_size: Number(f.page_size),
  };
}

const SIZES = [['10', '10'], ['25', '25'], ['50', '50'], ['100', '100']] as const;

export function EventFilters({ initial, onApply }: { initial: EventFilterValues; onApply(f: EventFilterValues): void }) {
  const [f, setF] = useState(initial);
  const byMeter = useHasRoute('get', '/meters');
  const set = (k: keyof EventFilterValues) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = (e: FormEvent) => { e.preventDefault(); onApply(f); };
  return (
    <form className="controls" onSubmit={submit} aria-label="Filter events">
      <Field label="Customer ID" value={f.customer_id} onChange={set('customer_id')} />
      <Field label="Event name" value={f.event_name} onChange={set('event_name')} />
      {byMeter && <Field label="Meter ID" value={f.meter_id} onChange={set('meter_id')} placeholder="mtr_…" />}
      <Field label="From" type="datetime-local" value={f.start} onChange={set('start')} />
      <Field label="Before" type="datetime-local" value={f.end} onChange={set('end')} />
      <Select label="Per page" value={f.page_size} options={SIZES} onChange={(v) => setF({ ...f, page_size: v })} />
      <button type="submit" className="primary">Apply</button>
      <button type="button" onClick={() => { const e = { ...f, customer_id: '', event_name: '', meter_id: '', start: '', end: '' }; setF(e); onApply(e); }}>Clear</button>
    </form>
  );
}
