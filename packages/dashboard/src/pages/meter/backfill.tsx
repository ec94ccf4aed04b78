/**
 * Backfill progress, read defensively: the field is a Tally extension whose
 * exact shape may grow, so any of {status|state, progress|percent (0-1 or
 * 0-100), processed/total} is understood.
 */
export interface BackfillView {
  state: string;
  /** 0..1, when known. */
  ratio?: number;
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

export function readBackfill(meter: Record<string, unknown>): BackfillView | undefined {
  const raw = meter.backfill ?? meter.backfill_progress ?? meter.backfill_status;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') return { state: raw >= 1 ? 'complete' : 'running', ratio: raw > 1 ? raw / 100 : raw };
  if (typeof raw === 'string') return { state: raw };
  if (typeof raw !== 'object') return undefined;
  const b = raw as Record<string, unknown>;
  const state = String(b.status ?? b.state ?? 'unknown');
  let ratio = num(b.progress) ?? num(b.percent) ?? num(b.ratio);
  if (ratio !== undefined && ratio > 1) ratio /= 100;
  const done = num(b.processed) ?? num(b.processed_events) ?? num(b.done);
  const total = num(b.total) ?? num(b.total_events);
  if (ratio === undefined && done !== undefined && total) ratio = done / total;
  return { state, ratio };
}

export function BackfillProgress({ meter }: { meter: object }) {
  const b = readBackfill(meter as Record<string, unknown>);
  if (!b) return null;
  const pct = b.ratio === undefined ? undefined : Math.round(Math.min(1, Math.max(0, b.ratio)) * 100);
  return (
    <div className="backfill" data-testid="backfill">
      <span>Backfill from stored events: <strong>{b.state}</strong>{pct !== undefined ? ` (${pct}%)` : ''}</span>
      {pct !== undefined && <progress max={100} value={pct} aria-label="Backfill progress">{pct}%</progress>}
    </div>
  );
}

/** Only while a backfill is still running: a finished one needs no mention. */
export function BackfillBadge({ meter }: { meter: object }) {
  const b = readBackfill(meter as Record<string, unknown>);
  if (!b || b.state === 'complete' || b.state === 'completed' || b.state === 'done') return null;
  const pct = b.ratio === undefined ? '' : ` ${Math.round(b.ratio * 100)}%`;
  return <span className="badge">backfill {b.state}{pct}</span>;
}
