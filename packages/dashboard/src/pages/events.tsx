import { useState } from 'react';
import type { Page, UsageEvent } from '../api/types';
import { Pager } from '../components/pager';
import { Empty, ErrorNote, Loading } from '../components/status';
import { useFetch } from '../hooks/use-fetch';
import { useApi } from '../session/session-context';
import { EventFilters, toQuery, type EventFilterValues } from './events/event-filters';
import { EventTable } from './events/event-table';
import { useLiveTail } from './events/use-live-tail';

const EMPTY: EventFilterValues = { customer_id: '', event_name: '', meter_id: '', start: '', end: '', page_size: '25' };

/** Filters a link may preset: /events?customer_id=acme&meter_id=mtr_1. */
function fromUrl(): EventFilterValues {
  const q = new URLSearchParams(window.location.search);
  return { ...EMPTY, customer_id: q.get('customer_id') ?? '', event_name: q.get('event_name') ?? '', meter_id: q.get('meter_id') ?? '' };
}

export function EventsPage() {
  const api = useApi();
  const [filters, setFilters] = useState(fromUrl);
  const [page, setPage] = useState(0);
  const [live, setLive] = useState(false);
  const query = toQuery(filters);
  const list = useFetch(
    (signal) => api.get<Page<UsageEvent>>('/events', { ...query, page_number: page }, signal),
    [api, JSON.stringify(query), page],
  );
  const tail = useLiveTail(live && page === 0, query, list.data?.items);
  const items = live && page === 0 ? tail.items : (list.data?.items ?? []);
  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">Events</h1>
      <EventFilters initial={filters} onApply={(f) => { setFilters(f); setPage(0); }} />
      <div className="toolbar">
        <label className="check">
          <input type="checkbox" checked={live} onChange={(e) => { setLive(e.target.checked); setPage(0); }} /> Live tail (new events every 2 s)
        </label>
        {live && <span className="live-dot" aria-live="polite">{tail.error ? 'paused: error' : 'live'}</span>}
      </div>
      <ErrorNote error={list.error ?? tail.error} />
      {list.loading && !list.data && <Loading what="Loading events" />}
      {list.data && items.length === 0 && <Empty>No events match.</Empty>}
      {items.length > 0 && <EventTable items={items} fresh={tail.fresh} />}
      {!live && <Pager page={page} count={list.data?.items.length ?? 0} pageSize={Number(filters.page_size)} onPage={setPage} />}
    </section>
  );
}
