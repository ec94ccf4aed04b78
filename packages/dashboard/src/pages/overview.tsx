import { ErrorNote } from '../components/status';
import { formatNumber } from '../format/format';
import { useSession } from '../session/session-context';
import { Link } from '../router/router';
import { useIngestCounters } from './overview/use-metrics-rate';
import { StatsPanels } from './overview/stats-panels';

function Tile({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <div className="tile" data-testid={testId}>
      <div className="tile-label">{label}</div>
      <div className="tile-value">{value}</div>
      {note && <div className="tile-note">{note}</div>}
    </div>
  );
}

export function OverviewPage() {
  const { mode } = useSession();
  const { data, error } = useIngestCounters(mode);
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      <StatsPanels />
      <h2>Ingestion on this server process</h2>
      <p className="muted">From <code>/metrics</code>, since this server process started (each replica counts its own).</p>
      <ErrorNote error={error} />
      <div className="tiles">
        <Tile label="Events per minute (now)" testId="tile-rate"
          value={data?.perMinute === undefined ? '…' : formatNumber(Math.round(data.perMinute))} note="measured over the last 5 s" />
        <Tile label="Events stored" value={formatNumber(data?.ingested)} note="this mode" testId="tile-ingested" />
        <Tile label="Duplicates skipped" value={formatNumber(data?.duplicates)} note="retries: harmless" />
        <Tile label="Events rejected as invalid" value={formatNumber(data?.rejectedEvents)} note="both modes" testId="tile-rejected" />
        <Tile label="Ingest requests failed" value={data ? `${formatNumber(data.clientErrors)} 4xx · ${formatNumber(data.serverErrors)} 5xx` : '…'} note="both modes" />
      </div>
      <p><Link to="/events">Browse events →</Link></p>
    </section>
  );
}
