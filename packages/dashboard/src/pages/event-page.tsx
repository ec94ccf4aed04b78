import type { UsageEvent } from '../api/types';
import { ErrorNote, Loading } from '../components/status';
import { formatDateTime } from '../format/format';
import { useFetch } from '../hooks/use-fetch';
import { Link } from '../router/router';
import { useApi } from '../session/session-context';
import { EventExplanations } from './events/event-explanations';

export function EventPage({ id }: { id: string }) {
  const api = useApi();
  const ev = useFetch((signal) => api.get<UsageEvent>(`/events/${encodeURIComponent(id)}`, {}, signal), [api, id]);
  const e = ev.data;
  return (
    <section aria-labelledby="event-title">
      <p><Link to="/events">← Events</Link></p>
      <h1 id="event-title">Event <code>{id}</code></h1>
      <ErrorNote error={ev.error} />
      {ev.loading && !e && <Loading />}
      {e && (
        <>
          <dl className="facts">
            <div><dt>Event name</dt><dd><code>{e.event_name}</code></dd></div>
            <div><dt>Customer</dt><dd><Link to={`/customers/${encodeURIComponent(e.customer_id)}`}>{e.customer_id}</Link></dd></div>
            <div><dt>Timestamp</dt><dd>{formatDateTime(e.timestamp)} <span className="muted">({e.timestamp})</span></dd></div>
          </dl>
          <h2>Metadata</h2>
          <pre className="json">{JSON.stringify(e.metadata ?? {}, null, 2)}</pre>
          <EventExplanations eventId={e.event_id} eventName={e.event_name} />
        </>
      )}
    </section>
  );
}
