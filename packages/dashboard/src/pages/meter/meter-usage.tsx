import { useMemo, useState } from 'react';
import type { Meter, UsageItem } from '../../api/meter-types';
import { ErrorNote, Loading } from '../../components/status';
import { useFetch } from '../../hooks/use-fetch';
import { useApi } from '../../session/session-context';
import { CustomerTable } from './customer-table';
import { UsageControls, type UsageParams } from './usage-controls';
import { WindowChart } from './window-chart';
import { browserTimeZone, fillWindows, isAdditive, rangeBounds, totalsByWindow } from './usage-query';

/**
 * The meter's usage over a range: a chart by window and a table by customer.
 * Both are answered from rollups by the server; only the chosen range's
 * windows and customers ever reach the browser.
 */
export function MeterUsage({ meter }: { meter: Meter }) {
  const api = useApi();
  const [p, setP] = useState<UsageParams>({ range: '24h', window: 'hour', timeZone: browserTimeZone(), customerId: '', groupBy: '' });
  const path = `/meters/${encodeURIComponent(meter.id)}/usage`;
  const bounds = useMemo(() => rangeBounds(p.range), [p.range]);
  const base = { ...bounds, time_zone: p.timeZone, customer_id: p.customerId.trim() || undefined, group_by: p.groupBy || undefined };
  const windows = useFetch(
    (signal) => api.get<{ items: UsageItem[] }>(path, { ...base, window_size: p.window }, signal),
    [api, path, bounds, p.window, p.timeZone, p.customerId, p.groupBy],
  );
  const perCustomer = useFetch(
    (signal) => api.get<{ items: UsageItem[] }>(path, { ...base, window_size: 'none' }, signal),
    [api, path, bounds, p.timeZone, p.customerId, p.groupBy],
  );
  const additive = isAdditive(meter.aggregation.type);
  const totals = useMemo(() => totalsByWindow(windows.data?.items ?? [], additive), [windows.data, additive]);
  const filled = useMemo(() => fillWindows(totals, bounds.start, bounds.end, p.window, p.timeZone), [totals, bounds, p.window, p.timeZone]);
  const reload = () => { windows.reload(); perCustomer.reload(); };
  return (
    <div className="usage">
      <h2>Usage</h2>
      <UsageControls value={p} groupKeys={meter.group_by_keys ?? []} onChange={setP} onRefresh={reload} />
      <ErrorNote error={windows.error ?? perCustomer.error} />
      {windows.loading && !windows.data ? <Loading what="Loading usage" /> : (
        <WindowChart totals={totals} filled={filled} meter={meter} timeZone={p.timeZone} additive={additive} />
      )}
      {/* While a new query runs, its predecessor's rows may be split by another group key: show none rather than mislabel them. */}
      <CustomerTable items={perCustomer.loading ? undefined : perCustomer.data?.items} unit={meter.measurement_unit} loading={perCustomer.loading} groupBy={p.groupBy} />
    </div>
  );
}
