import type { Operator } from '../../api/meter-types';
import { MAX_DEPTH, newCondition, newGroup, OPERATORS, replaceClause, type DraftCondition, type DraftGroup, type ValueType } from './filter-draft';

interface Props {
  root: DraftGroup;
  onChange(root: DraftGroup): void;
}

/** Edits a filter tree: conditions and nested groups, each with and/or. */
export function FilterBuilder({ root, onChange }: Props) {
  return <Group group={root} depth={1} root={root} onChange={onChange} />;
}

function Group({ group, depth, root, onChange }: { group: DraftGroup; depth: number } & Props) {
  const set = (next: DraftGroup) => onChange(depth === 1 ? next : replaceClause(root, group.id, next));
  const label = depth === 1 ? 'Filter' : `Group at level ${depth}`;
  return (
    <fieldset className={`filter-group depth-${depth}`}>
      <legend>{label}: events must match</legend>
      <label className="inline">
        <span className="sr-only">{label} conjunction</span>
        <select value={group.conjunction} onChange={(e) => set({ ...group, conjunction: e.target.value as 'and' | 'or' })}>
          <option value="and">all of (and)</option>
          <option value="or">any of (or)</option>
        </select>
      </label>
      <ul>
        {group.clauses.map((c, i) => (
          <li key={c.id}>
            {c.kind === 'group'
              ? <Group group={c} depth={depth + 1} root={root} onChange={onChange} />
              : <ConditionRow c={c} n={i + 1} onChange={(next) => set({ ...group, clauses: group.clauses.map((x) => (x.id === c.id ? next : x)) })} />}
            <button type="button" className="link" onClick={() => set({ ...group, clauses: group.clauses.filter((x) => x.id !== c.id) })}
              aria-label={`Remove ${c.kind === 'group' ? 'group' : `condition ${i + 1}`}`}>Remove</button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => set({ ...group, clauses: [...group.clauses, newCondition()] })}>+ Condition</button>
      {depth < MAX_DEPTH && <button type="button" onClick={() => set({ ...group, clauses: [...group.clauses, newGroup()] })}>+ Group</button>}
    </fieldset>
  );
}

function ConditionRow({ c, n, onChange }: { c: DraftCondition; n: number; onChange(c: DraftCondition): void }) {
  return (
    <div className="condition" role="group" aria-label={`Condition ${n}`}>
      <label>Metadata key<input value={c.key} onChange={(e) => onChange({ ...c, key: e.target.value })} placeholder="e.g. endpoint" /></label>
      <label>Operator
        <select value={c.operator} onChange={(e) => onChange({ ...c, operator: e.target.value as Operator })}>
          {OPERATORS.map(([op, text]) => <option key={op} value={op}>{text}</option>)}
        </select>
      </label>
      <label>Type
        <select value={c.valueType} onChange={(e) => onChange(withType(c, e.target.value as ValueType))}>
          <option value="string">text</option><option value="number">number</option><option value="boolean">true/false</option>
        </select>
      </label>
      <label>Value
        {c.valueType === 'boolean'
          ? <select value={c.value} onChange={(e) => onChange({ ...c, value: e.target.value })}><option value="true">true</option><option value="false">false</option></select>
          : <input value={c.value} inputMode={c.valueType === 'number' ? 'decimal' : undefined} onChange={(e) => onChange({ ...c, value: e.target.value })} />}
      </label>
    </div>
  );
}

/** Switching to true/false needs a value the select can show. */
function withType(c: DraftCondition, valueType: ValueType): DraftCondition {
  const value = valueType === 'boolean' ? (c.value === 'false' ? 'false' : 'true') : c.value;
  return { ...c, valueType, value };
}
