import { EVENT_LIMITS } from './limits.js';
import type { EventIssue, ValidEvent } from './types.js';
import { validateEvent, type ValidateContext } from './validate-event.js';

export type BatchResult =
  | { ok: true; events: ValidEvent[] }
  | { ok: false; message: string; issues: EventIssue[] };

/**
 * Validates a whole ingest body `{events: [...]}`: all or nothing. Every
 * broken rule is reported, including event_ids repeated inside the batch.
 */
export function validateBatch(body: unknown, ctx: ValidateContext): BatchResult {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, message: 'the body must be an object {"events": [...]}', issues: [] };
  }
  const list = (body as { events?: unknown }).events;
  if (!Array.isArray(list)) {
    return { ok: false, message: '"events" must be an array of events', issues: [] };
  }
  if (list.length === 0 || list.length > EVENT_LIMITS.maxEventsPerRequest) {
    return {
      ok: false,
      message: `"events" must hold 1 to ${EVENT_LIMITS.maxEventsPerRequest} events, got ${list.length}`,
      issues: [],
    };
  }
  const issues: EventIssue[] = [];
  const events: ValidEvent[] = new Array(list.length);
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const event = validateEvent(list[i], i, ctx, issues);
    if (event) events[i] = event;
    const id = (list[i] as { event_id?: unknown } | null)?.event_id;
    if (typeof id === 'string') {
      const first = firstIndex.get(id);
      if (first === undefined) firstIndex.set(id, i);
      else issues.push({ index: i, event_id: id, field: 'event_id', message: `repeats the event_id of event ${first} in this request` });
    }
  }
  if (issues.length > 0) {
    const bad = new Set(issues.map((x) => x.index)).size;
    return { ok: false, message: `${bad} of ${list.length} events are invalid; nothing was stored`, issues };
  }
  return { ok: true, events };
}
