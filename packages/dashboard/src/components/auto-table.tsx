import { formatNumber } from '../format/format';

type Row = Record<string, unknown>;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * A table of rows whose columns come from the rows themselves: for API
 * answers whose shape may still grow (usage history, analytics), so new
 * fields show up rather than vanish.
 */
export function AutoTable({ rows, caption, testId }: { rows: Row[]; caption?: string; testId?: string }) {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        {caption && <caption>{caption}</caption>}
        <thead><tr>{cols.map((c) => <th key={c}>{c.replaceAll('_', ' ')}</th>)}</tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>{cols.map((c) => <td key={c} className={typeof r[c] === 'number' ? 'num' : undefined}>{cell(r[c])}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The list inside an answer: `items`, `data`, or the answer itself when it is an array. */
export function rowsOf(answer: unknown): Row[] {
  if (Array.isArray(answer)) return answer as Row[];
  if (answer && typeof answer === 'object') {
    const a = answer as Record<string, unknown>;
    for (const k of ['items', 'data', 'rows']) if (Array.isArray(a[k])) return a[k] as Row[];
  }
  return [];
}
