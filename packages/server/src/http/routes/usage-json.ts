import type { UsageItem } from '@tally/core';

/**
 * The usage answer's JSON. An answer for every customer may hold tens of
 * thousands of items; the schema serializer spent more on them (a date-time
 * check per timestamp, a string of many thousand pieces) than the query
 * itself, and V8's own JSON.stringify takes a fraction of that. Windows
 * repeat across customers, so each instant is formatted once.
 */
export function usageJson(items: readonly UsageItem[], groupBy: string | undefined): string {
  const instants = new Map<number, string>();
  const instant = (ms: number) => {
    let s = instants.get(ms);
    if (s === undefined) instants.set(ms, (s = new Date(ms).toISOString()));
    return s;
  };
  const out = new Array<object>(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    out[i] = {
      customer_id: it.customer_id,
      window_start: instant(it.window_start),
      window_end: instant(it.window_end),
      value: it.value,
      group: groupBy === undefined ? null : { [groupBy]: it.group },
    };
  }
  return JSON.stringify({ items: out });
}
