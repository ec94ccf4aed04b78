import { useState } from 'react';
import type { Meter } from '../api/meter-types';
import type { Page } from '../api/types';
import { Pager } from '../components/pager';
import { Empty, ErrorNote, Loading, NotAvailable } from '../components/status';
import { formatDateTime } from '../format/format';
import { useHasRoute } from '../hooks/use-capabilities';
import { useFetch } from '../hooks/use-fetch';
import { Link } from '../router/router';
import { confirmLive } from '../session/confirm-live';
import { useApi, useSession } from '../session/session-context';
import { describeAggregation } from './meter-describe';
import { BackfillBadge } from './meter/backfill';

const PAGE_SIZE = 25;

export function MetersPage() {
  const has = useHasRoute('get', '/meters');
  return (
    <section aria-labelledby="meters-title">
      <div className="page-head">
        <h1 id="meters-title">Meters</h1>
        {has && <Link className="button primary" to="/meters/new">New meter</Link>}
      </div>
      {has === false ? <NotAvailable feature="Meters" route="GET /meters" /> : has && <MeterList />}
    </section>
  );
}

function MeterList() {
  const api = useApi();
  const { mode } = useSession();
  const [archived, setArchived] = useState(false);
  const [page, setPage] = useState(0);
  const [actionError, setActionError] = useState<Error>();
  const list = useFetch(
    (signal) => api.get<Page<Meter>>('/meters', { archived, page_size: PAGE_SIZE, page_number: page }, signal),
    [api, archived, page],
  );
  const act = async (m: Meter) => {
    if (!archived && !confirmLive(mode, `archive the meter "${m.name}"`)) return;
    setActionError(undefined);
    try {
      if (archived) await api.post(`/meters/${encodeURIComponent(m.id)}/unarchive`);
      else await api.del(`/meters/${encodeURIComponent(m.id)}`);
      list.reload();
    } catch (err) {
      setActionError(err as Error);
    }
  };
  const show = (a: boolean) => { setArchived(a); setPage(0); };
  const items = list.data?.items ?? [];
  return (
    <>
      <div className="tabs" role="group" aria-label="Which meters">
        <button type="button" aria-pressed={!archived} onClick={() => show(false)}>Active</button>
        <button type="button" aria-pressed={archived} onClick={() => show(true)}>Archived</button>
      </div>
      <ErrorNote error={list.error ?? actionError} />
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <Empty>{archived ? 'No archived meters.' : 'No meters yet: create one to turn events into usage.'}</Empty>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Name</th><th>Event name</th><th>Aggregation</th><th>Unit</th><th>Created</th><th><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td><Link to={`/meters/${encodeURIComponent(m.id)}`}>{m.name}</Link><BackfillBadge meter={m} /></td>
                  <td><code>{m.event_name}</code></td>
                  <td>{describeAggregation(m)}</td>
                  <td>{m.measurement_unit}</td>
                  <td>{formatDateTime(m.created_at)}</td>
                  <td><button type="button" onClick={() => act(m)} aria-label={`${archived ? 'Unarchive' : 'Archive'} ${m.name}`}>{archived ? 'Unarchive' : 'Archive'}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} count={items.length} pageSize={PAGE_SIZE} onPage={setPage} />
    </>
  );
}

