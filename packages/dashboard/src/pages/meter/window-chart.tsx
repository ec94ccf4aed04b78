import type { Meter } from '../../api/meter-types';
import { UsageChart } from '../../components/usage-chart';
import { Empty } from '../../components/status';
import { formatNumber } from '../../format/format';
import type { WindowTotal } from './usage-query';

interface Props {
  /** Windows with usage (the table). */
  totals: WindowTotal[];
  /** Every window of the range, zeros included (the chart). */
  filled: WindowTotal[];
  meter: Meter;
  timeZone: string;
  additive: boolean;
}

function windowLabel(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** The chart, and the same numbers as a table for screen readers and exact reading. */
export function WindowChart({ totals, filled, meter, timeZone, additive }: Props) {
  if (totals.length === 0) return <Empty>No usage in this range.</Empty>;
  const label = `${additive ? 'Total' : 'Highest per customer'} (${meter.measurement_unit})`;
  const grand = additive ? totals.reduce((s, t) => s + t.value, 0) : undefined;
  return (
    <figure className="chart-figure">
      <UsageChart points={filled.map((t) => ({ t: Date.parse(t.start), value: t.value }))} label={label} timeZone={timeZone}
        endT={filled.length ? Date.parse(filled[filled.length - 1]!.end) : undefined}
        title={`${meter.name}: ${label} per window, ${timeZone}`} />
      <figcaption>
        {label} per window, in {timeZone}
        {grand !== undefined && <> — <strong data-testid="usage-total">{formatNumber(grand)}</strong> {meter.measurement_unit} in all</>}
      </figcaption>
      <details>
        <summary>Values per window</summary>
        <div className="table-wrap">
          <table data-testid="window-table">
            <thead><tr><th>Window start ({timeZone})</th><th className="num">{label}</th></tr></thead>
            <tbody>{totals.map((t) => <tr key={t.start}><td>{windowLabel(t.start, timeZone)}</td><td className="num">{formatNumber(t.value)}</td></tr>)}</tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
