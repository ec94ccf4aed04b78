import type { Meter } from '../../api/meter-types';
import type { Page } from '../../api/types';
import { Empty, ErrorNote, Loading, NotAvailable } from '../../components/status';
import { useHasAnyRoute, useHasRoute } from '../../hooks/use-capabilities';
import { useFetch } from '../../hooks/use-fetch';
import { Link } from '../../router/router';
import { useApi } from '../../session/session-context';

interface Explanation {
  counts: boolean;
  reasons?: { code: string; message: string }[];
  contribution?: unknown;
}

/** For each active meter (first 100), whether this event counts and every reason why not. */
export function EventExplanations({ eventId }: { eventId: string }) {
  const hasMeters = useHasRoute('get', '/meters');
  const hasExplain = useHasAnyRoute('get', '/events/{id}/explain', '/events/{event_id}/explain');
  if (hasMeters === undefined) return null;
  return (
    <>
      <h2>Per meter</h2>
      {!hasMeters || !hasExplain
        ? <NotAvailable feature="The per-meter explanation" route="GET /events/{id}/explain?meter_id=" />
        : <ExplainList eventId={eventId} />}
    </>
  );
}

function ExplainList({ eventId }: { eventId: string }) {
  const api = useApi();
  const res = useFetch(async (signal) => {
    const meters = (await api.get<Page<Meter>>('/meters', { page_size: 100 }, signal)).items;
    return Promise.all(meters.map(async (m) => ({
      meter: m,
      why: await api.get<Explanation>(`/events/${encodeURIComponent(eventId)}/explain`, { meter_id: m.id }, signal),
    })));
  }, [api, eventId]);
  if (res.error) return <ErrorNote error={res.error} />;
  if (!res.data) return <Loading what="Asking each meter" />;
  if (res.data.length === 0) return <Empty>No meters yet.</Empty>;
  return (
    <ul className="explain" data-testid="explanations">
      {res.data.map(({ meter, why }) => (
        <li key={meter.id} className={why.counts ? 'counts' : 'skipped'}>
          <Link to={`/meters/${encodeURIComponent(meter.id)}`}>{meter.name}</Link>:{' '}
          <strong>{why.counts ? 'counts' : 'does not count'}</strong>
          {why.reasons && why.reasons.length > 0 && <ul>{why.reasons.map((r, i) => <li key={i}>{r.message}</li>)}</ul>}
        </li>
      ))}
    </ul>
  );
}
