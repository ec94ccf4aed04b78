import type { UsageItem } from '@tally/core';

/**
 * The usage answer's JSON, written directly. An answer for every customer
 * may hold tens of thousands of items; the schema serializer spent more on
 * them (a date-time check per timestamp, a string of many thousand pieces)
 * than the query itself. Instants and customer IDs repeat across items, so
 * each is formatted once.
 */
export function usageJson(items: readonly UsageItem[], groupBy: string | undefined): string {
  const instants = new Map<number, string>();
  const instant = (ms: number) => {
    let s = instants.get(ms);
    if (s === undefined) instants.set(ms, (s = `"${new Date(ms).toISOString()}"`));
    return s;
  };
  const ids = new Map<string, string>();
  const id = (customerId: string) => {
    let s = ids.get(customerId);
    if (s === undefined) ids.set(customerId, (s = JSON.stringify(customerId)));
    return s;
  };
  const groupKey = groupBy === undefined ? '' : JSON.stringify(groupBy);
  const parts = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const group = groupBy === undefined ? 'null' : `{${groupKey}:${JSON.stringify(it.group)}}`;
    parts[i] = `{"customer_id":${id(it.customer_id)},"window_start":${instant(it.window_start)},"window_end":${instant(it.window_end)},"value":${it.value === null ? 'null' : JSON.stringify(it.value)},"group":${group}}`;
  }
  return `{"items":[${parts.join(',')}]}`;
}
