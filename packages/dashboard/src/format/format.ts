/** Display helpers; values from the API stay strings where they are exact decimals. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function formatNumber(n: number | string | undefined | null): string {
  if (n === undefined || n === null || n === '') return '—';
  const x = typeof n === 'number' ? n : Number(n);
  // Exact decimal strings too long for a double are shown as sent.
  if (typeof n === 'string' && (!Number.isFinite(x) || n.replace(/[-.]/g, '').length > 15)) return n;
  return x.toLocaleString(undefined, { maximumFractionDigits: 6 });
}

export function formatPercent(ratio: number | undefined | null): string {
  if (ratio === undefined || ratio === null || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(ratio < 0.01 && ratio > 0 ? 2 : 1)}%`;
}

/** A datetime-local input's value (local wall time) as RFC 3339 UTC. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
