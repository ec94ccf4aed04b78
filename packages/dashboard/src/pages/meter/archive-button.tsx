import { useState } from 'react';
import type { Meter } from '../../api/meter-types';
import { ErrorNote } from '../../components/status';
import { confirmLive } from '../../session/confirm-live';
import { useApi, useSession } from '../../session/session-context';

/** Archive (DELETE, as upstream) or unarchive a meter, then reload it. */
export function ArchiveButton({ meter, archived, onDone }: { meter: Meter; archived: boolean; onDone(): void }) {
  const api = useApi();
  const { mode } = useSession();
  const [error, setError] = useState<Error>();
  const click = async () => {
    if (!archived && !confirmLive(mode, `archive the meter "${meter.name}"`)) return;
    setError(undefined);
    try {
      const path = `/meters/${encodeURIComponent(meter.id)}`;
      if (archived) await api.post(`${path}/unarchive`);
      else await api.del(path);
      onDone();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <>
      <button type="button" onClick={click}>{archived ? 'Unarchive' : 'Archive'}</button>
      <ErrorNote error={error} />
    </>
  );
}
