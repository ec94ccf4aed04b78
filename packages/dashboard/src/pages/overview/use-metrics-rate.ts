import { useEffect, useState } from 'react';
import { parsePrometheus, sumOf } from '../../api/prometheus';
import type { Mode } from '../../api/types';

export interface IngestCounters {
  ingested: number;
  duplicates: number;
  rejectedEvents: number;
  /** Ingest requests answered 4xx / 5xx. */
  clientErrors: number;
  serverErrors: number;
  /** Events stored per minute, over the last sampling interval; undefined until two samples. */
  perMinute?: number;
}

const EVERY_MS = 5_000;

async function read(mode: Mode): Promise<IngestCounters & { at: number }> {
  const res = await fetch('/metrics');
  if (!res.ok) throw new Error(`/metrics answered ${res.status}`);
  const s = parsePrometheus(await res.text());
  const ingest = { name: 'tally_http_request_duration_seconds_count', route: '/events/ingest' };
  return {
    at: Date.now(),
    ingested: sumOf(s, 'tally_events_ingested_total', { mode }),
    duplicates: sumOf(s, 'tally_events_duplicate_total', { mode }),
    rejectedEvents: sumOf(s, 'tally_events_rejected_total'),
    clientErrors: sumOf(s, ingest.name, { route: ingest.route, status: /^4/ }),
    serverErrors: sumOf(s, ingest.name, { route: ingest.route, status: /^5/ }),
  };
}

/**
 * This server process's ingest counters from /metrics, sampled every 5 s;
 * the events-per-minute rate is the difference between the last two samples.
 */
export function useIngestCounters(mode: Mode): { data?: IngestCounters; error?: Error } {
  const [state, setState] = useState<{ data?: IngestCounters; error?: Error }>({});
  useEffect(() => {
    let prev: (IngestCounters & { at: number }) | undefined;
    let stop = false;
    const tick = async () => {
      try {
        const cur = await read(mode);
        if (stop) return;
        const perMinute = prev ? ((cur.ingested - prev.ingested) * 60_000) / Math.max(1, cur.at - prev.at) : undefined;
        prev = cur;
        setState({ data: { ...cur, perMinute } });
      } catch (error) {
        if (!stop) setState((s) => ({ ...s, error: error as Error }));
      }
    };
    void tick();
    const timer = setInterval(tick, EVERY_MS);
    return () => { stop = true; clearInterval(timer); };
  }, [mode]);
  return state;
}
