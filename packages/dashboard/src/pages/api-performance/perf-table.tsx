import { formatNumber, formatPercent } from '../../format/format';
import type { ApiCallRow, GroupBy } from './types';

const ms = (v: number | null) => (v === null ? '—' : `${formatNumber(Math.round(v * 10) / 10)} ms`);

function bytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return `${formatNumber(Math.round(v * 10) / 10)} ${units[i]}`;
}

/** Latency percentiles, error rates and bytes per group, busiest first. */
export function PerfTable({ rows, groupBy, label }: { rows: ApiCallRow[]; groupBy: GroupBy; label: string }) {
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  return (
    <div className="table-wrap">
      <table data-testid="api-perf">
        <thead>
          <tr>
            <th>{label}</th><th className="num">Calls</th><th className="num">4xx</th><th className="num">5xx</th>
            <th className="num">p50</th><th className="num">p90</th><th className="num">p95</th><th className="num">p99</th>
            <th className="num">Bytes in</th><th className="num">Bytes out</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={String(r[groupBy])}>
              <td><code>{String(r[groupBy] ?? '—')}</code></td>
              <td className="num">{formatNumber(r.count)}</td>
              <td className="num">{formatPercent(r.error_rate_4xx)}</td>
              <td className={`num${r.error_rate_5xx > 0.01 ? ' bad' : ''}`}>{formatPercent(r.error_rate_5xx)}</td>
              <td className="num">{ms(r.p50_ms)}</td>
              <td className="num">{ms(r.p90_ms)}</td>
              <td className="num">{ms(r.p95_ms)}</td>
              <td className="num">{ms(r.p99_ms)}</td>
              <td className="num">{bytes(r.request_bytes)}</td>
              <td className="num">{bytes(r.response_bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
