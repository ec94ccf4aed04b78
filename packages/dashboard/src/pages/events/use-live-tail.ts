import { useEffect, useRef, useState } from 'react';
import type { Query } from '../../api/client';
import type { Page, UsageEvent } from '../../api/types';
import { useApi } from '../../session/session-context';

const EVERY_MS = 2_000;
const KEEP = 200;

/**
 * Polls the newest page every 2 s while on, merging new events on top and
 * keeping at most 200 rows, so a long-open tab stays light.
 */
export function useLiveTail(on: boolean, query: Query, first: UsageEvent[] | undefined) {
  const api = useApi();
  const [items, setItems] = useState<UsageEvent[]>([]);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [error, setError] = useState<Error>();
  const q = JSON.stringify(query);
  const known = useRef(new Set<string>());
  useEffect(() => {
    if (!on) return;
    const start = first ?? [];
    known.current = new Set(start.map((e) => e.event_id));
    setItems(start);
    setFresh(new Set());
    let stop = false;
    const tick = async () => {
      try {
        const { items: newest } = await api.get<Page<UsageEvent>>('/events', { ...JSON.parse(q), page_size: 100, page_number: 0 });
        if (stop) return;
        const added = newest.filter((e) => !known.current.has(e.event_id));
        added.forEach((e) => known.current.add(e.event_id));
        if (added.length) setItems((cur) => [...added, ...cur].slice(0, KEEP));
        setFresh(new Set(added.map((e) => e.event_id)));
        setError(undefined);
      } catch (err) {
        if (!stop) setError(err as Error);
      }
    };
    const timer = setInterval(tick, EVERY_MS);
    return () => { stop = true; clearInterval(timer); };
  }, [on, q, api, first]);
  return { items, fresh, error };
}
