import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The Prometheus metrics this server exports at /metrics. */
export class Metrics {
  readonly registry = new Registry();
  readonly ingested = new Counter({ name: 'tally_events_ingested_total', help: 'Events stored', labelNames: ['mode'], registers: [this.registry] });
  readonly duplicates = new Counter({ name: 'tally_events_duplicate_total', help: 'Events skipped because their event_id was already stored', labelNames: ['mode'], registers: [this.registry] });
  readonly rejected = new Counter({ name: 'tally_events_rejected_total', help: 'Events in ingest requests refused as invalid', registers: [this.registry] });
  readonly latency = new Histogram({
    name: 'tally_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  /** @param rollupLag events committed but not yet folded into rollups, when the store folds */
  constructor(rollupLag?: () => Promise<number> | undefined) {
    collectDefaultMetrics({ register: this.registry, prefix: 'tally_' });
    new Gauge({
      name: 'tally_rollup_lag_events',
      help: 'Events committed but not yet folded into usage rollups (reads fold them first)',
      registers: [this.registry],
      async collect() {
        const lag = await rollupLag?.()?.catch(() => undefined);
        if (lag !== undefined) this.set(lag);
      },
    });
  }
}
