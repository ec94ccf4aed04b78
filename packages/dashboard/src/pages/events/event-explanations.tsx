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
export function EventExplanations({ eventId, eventName }: { eventId: string; eventName: string }) {
  const hasMeters = useHasRoute('get', '/meters');
  const hasExplain = useHasAnyRoute('get', '/events/{id}/explain', '/events/{event_id}/explain');
  if (hasMeters === undefined) return null;
  return (
    <>
      <h2>Per meter</h2>
      {!hasMeters || !hasExplain
        ? <NotAvailable feature="The per-meter explanation" route="GET /events/{id}/explain?meter_id=" />
        : <ExplainList eventId={eventId} eventName={eventName} />}
    </>
  );
}

/**
 * Meters of this event's name are asked why it does or does not count. So is
 * one whose name differs only in case, the usual cause of "my event is not
 * counted"; the others only count other events, so they are just tallied.
 */
function ExplainList({ eventId, eventName }: { eventId: string; eventName: string }) {
  const api = useApi();
  const res = useFetch(async (signal) => {
    const meters = (await api.get<Page<Meter>>('/meters', { page_size: 100 }, signal)).items;
    const near = meters.filter((m) => m.event_name.toLowerCase() === eventName.toLowerCase());
    const asked = await Promise.all(near.map(async (m) => ({
      meter: m,
      why: await api.get<Explanation>(`/events/${encodeURIComponent(eventId)}/explain`, { meter_id: m.id }, signal),
    })));
    return { asked, others: meters.length - near.length };
  }, [api, eventId, eventName]);
  if (res.error) return <ErrorNote error={res.error} />;
  if (!res.data) return <Loading what="Asking each meter" />;
  const { asked, others } = res.data;
  const rest = others > 0 && <p className="muted">{others} other meter{others === 1 ? '' : 's'} count other event names.</p>;
  if (asked.length === 0) return <><Empty>No meter counts <code>{eventName}</code> events.</Empty>{rest}</>;
  return (
    <>
      <ul className="explain" data-testid="explanations">
        {asked.map(({ meter, why }) => (
          <li key={meter.id} className={why.counts ? 'counts' : 'skipped'}>
            <Link to={`/meters/${encodeURIComponent(meter.id)}`}>{meter.name}</Link>:{' '}
            <strong>{why.counts ? 'counts' : 'does not count'}</strong>
            {why.reasons && why.reasons.length > 0 && <ul>{why.reasons.map((r, i) => <li key={i}>{r.message}</li>)}</ul>}
          </li>
        ))}
      </ul>
      {rest}
    </>
  );
}
