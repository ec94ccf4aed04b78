import { matchesFilter } from '@tally/core';
import { useEffect, useState } from 'react';
import type { MeterFilter } from '../../api/meter-types';
import type { Page, UsageEvent } from '../../api/types';
import { useApi } from '../../session/session-context';
import { ErrorNote } from '../../components/status';

/** How many recent events the preview reads: enough to judge, bounded in cost. */
export const PREVIEW_PAGES = 5;
const PAGE_SIZE = 100;

interface Props {
  eventName: string;
  filter: MeterFilter | null;
}

/**
 * Evaluates the unsaved meter's filter in the browser, with core's own
 * matchesFilter, over the most recent events of its event name: the server
 * can only preview a meter once it exists.
 */
export function FilterPreview({ eventName, filter }: Props) {
  const api = useApi();
  const [events, setEvents] = useState<UsageEvent[]>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    if (!eventName) return setEvents(undefined);
    const ctl = new AbortController();
    // Wait for typing to pause before asking the server.
    const timer = setTimeout(async () => {
      try {
        const all: UsageEvent[] = [];
        for (let page = 0; page < PREVIEW_PAGES; page++) {
          const { items } = await api.get<Page<UsageEvent>>('/events', { event_name: eventName, page_size: PAGE_SIZE, page_number: page }, ctl.signal);
          all.push(...items);
          if (items.length < PAGE_SIZE) break;
        }
        setEvents(all);
        setError(undefined);
      } catch (err) {
        if (!ctl.signal.aborted) setError(err as Error);
      }
    }, 300);
    return () => { clearTimeout(timer); ctl.abort(); };
  }, [api, eventName]);
  if (!eventName) return <p className="preview muted">Enter an event name to preview matching events.</p>;
  if (error) return <ErrorNote error={error} />;
  if (!events) return <p className="preview muted" aria-live="polite">Reading recent events…</p>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const matched = events.filter((e) => matchesFilter(filter as any, e.metadata ?? null)).length;
  return (
    <p className="preview" aria-live="polite" data-testid="filter-preview">
      <strong>{matched}</strong> of the {events.length} most recent <code>{eventName}</code> events would match
      {events.length === PREVIEW_PAGES * PAGE_SIZE ? ' (only the latest ones are checked)' : ''}.
    </p>
  );
}
