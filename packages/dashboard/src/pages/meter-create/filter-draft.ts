import type { Condition, MeterFilter, Operator } from '../../api/meter-types';

/** The builder's editable form of a filter: values stay text until sent. */
export type ValueType = 'string' | 'number' | 'boolean';

export interface DraftCondition {
  kind: 'condition';
  id: number;
  key: string;
  operator: Operator;
  valueType: ValueType;
  value: string;
}

export interface DraftGroup {
  kind: 'group';
  id: number;
  conjunction: 'and' | 'or';
  clauses: DraftClause[];
}

export type DraftClause = DraftCondition | DraftGroup;

/** Upstream accepts filters nested up to 3 levels deep. */
export const MAX_DEPTH = 3;

let nextId = 1;
export const newCondition = (): DraftCondition => ({ kind: 'condition', id: nextId++, key: '', operator: 'equals', valueType: 'string', value: '' });
export const newGroup = (): DraftGroup => ({ kind: 'group', id: nextId++, conjunction: 'and', clauses: [newCondition()] });

export const OPERATORS: [Operator, string][] = [
  ['equals', 'equals'], ['not_equals', 'does not equal'],
  ['greater_than', 'greater than'], ['greater_than_or_equals', 'greater than or equal to'],
  ['less_than', 'less than'], ['less_than_or_equals', 'less than or equal to'],
  ['contains', 'contains'], ['does_not_contain', 'does not contain'],
];

function toValue(c: DraftCondition): Condition['value'] {
  if (c.valueType === 'number') return Number(c.value);
  if (c.valueType === 'boolean') return c.value === 'true';
  return c.value;
}

/** The wire filter, or null when the draft has no complete condition. */
export function toMeterFilter(g: DraftGroup): MeterFilter | null {
  const clauses: MeterFilter['clauses'] = [];
  for (const c of g.clauses) {
    if (c.kind === 'group') {
      const inner = toMeterFilter(c);
      if (inner) clauses.push(inner);
    } else if (c.key.trim() !== '') {
      clauses.push({ key: c.key.trim(), operator: c.operator, value: toValue(c) });
    }
  }
  return clauses.length ? { conjunction: g.conjunction, clauses } : null;
}

/** Replaces the clause with `id` anywhere in the tree (immutably). */
export function replaceClause(g: DraftGroup, id: number, next: DraftClause | null): DraftGroup {
  const clauses: DraftClause[] = [];
  for (const c of g.clauses) {
    if (c.id === id) {
      if (next) clauses.push(next);
    } else clauses.push(c.kind === 'group' ? replaceClause(c, id, next) : c);
  }
  return { ...g, clauses };
}
