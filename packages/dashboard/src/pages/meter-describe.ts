import type { Condition, Meter, MeterFilter } from '../api/meter-types';

export function describeAggregation(m: Pick<Meter, 'aggregation'>): string {
  const { type, key } = m.aggregation;
  return type === 'count' ? 'count' : `${type} of ${key ?? '?'}`;
}

const OPS: Record<Condition['operator'], string> = {
  equals: '=',
  not_equals: '≠',
  greater_than: '>',
  greater_than_or_equals: '≥',
  less_than: '<',
  less_than_or_equals: '≤',
  contains: 'contains',
  does_not_contain: 'does not contain',
};

/** A filter as one readable line: (plan = "pro" and tokens > 10). */
export function describeFilter(f: MeterFilter | null | undefined): string {
  if (!f || f.clauses.length === 0) return 'every event';
  const parts = f.clauses.map((c) =>
    'clauses' in c ? `(${describeFilter(c)})` : `${c.key} ${OPS[c.operator]} ${JSON.stringify(c.value)}`,
  );
  return parts.join(` ${f.conjunction} `);
}
