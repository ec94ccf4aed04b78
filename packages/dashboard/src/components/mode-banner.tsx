import type { Mode } from '../api/types';

/** Always on screen: which data space every number and action below belongs to. */
export function ModeBanner({ mode }: { mode: Mode }) {
  const live = mode === 'live_mode';
  return (
    <div className={`mode-banner ${live ? 'mode-live' : 'mode-test'}`} role="status" data-testid="mode-banner">
      {live ? 'LIVE MODE — real customers and real usage' : 'TEST MODE — test data only; live data is separate'}
    </div>
  );
}
