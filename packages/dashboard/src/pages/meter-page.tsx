import type { Meter } from '../api/meter-types';
import { ErrorNote, Loading, NotAvailable } from '../components/status';
import { formatDateTime } from '../format/format';
import { useHasRoute } from '../hooks/use-capabilities';
import { useFetch } from '../hooks/use-fetch';
import { Link } from '../router/router';
import { useApi } from '../session/session-context';
import { ArchiveButton } from './meter/archive-button';
import { BackfillProgress } from './meter/backfill';
import { MeterUsage } from './meter/meter-usage';
import { describeAggregation, describeFilter } from './meter-describe';

export function MeterPage({ id }: { id: string }) {
  const api = useApi();
  const has = useHasRoute('get', '/meters/{id}');
  const hasUsage = useHasRoute('get', '/meters/{id}/usage');
  const meter = useFetch((signal) => (has ? api.get<Meter>(`/meters/${encodeURIComponent(id)}`, {}, signal) : Promise.resolve(undefined)), [api, id, has]);
  const m = meter.data;
  const archived = Boolean(m?.archived || m?.archived_at);
  return (
    <section aria-labelledby="meter-title">
      <p><Link to="/meters">← Meters</Link></p>
      {has === false && <NotAvailable feature="Meters" route="GET /meters/{id}" />}
      <ErrorNote error={meter.error} />
      {meter.loading && !m && has && <Loading />}
      {m && (
        <>
          <div className="page-head">
            <h1 id="meter-title">{m.name}{archived && <span className="badge">archived</span>}</h1>
            <div>
              <Link className="button" to={`/events?meter_id=${encodeURIComponent(m.id)}`}>Events it counts</Link>
              <ArchiveButton meter={m} archived={archived} onDone={meter.reload} />
            </div>
          </div>
          <dl className="facts">
            <div><dt>Event name</dt><dd><code>{m.event_name}</code></dd></div>
            <div><dt>Aggregation</dt><dd>{describeAggregation(m)}</dd></div>
            <div><dt>Unit</dt><dd>{m.measurement_unit}</dd></div>
            <div><dt>Filter</dt><dd>{describeFilter(m.filter)}</dd></div>
            <div><dt>Created</dt><dd>{formatDateTime(m.created_at)}</dd></div>
            <div><dt>ID</dt><dd><code>{m.id}</code></dd></div>
          </dl>
          {m.description && <p>{m.description}</p>}
          <BackfillProgress meter={m} />
          {hasUsage === false ? <NotAvailable feature="Usage" route="GET /meters/{id}/usage" /> : hasUsage && <MeterUsage meter={m} />}
        </>
      )}
    </section>
  );
}
