import { useMemo } from 'react';
import { isValidTimeZone } from '@tally/core';
import { CommitField } from '../../components/commit-field';
import { Select } from '../../components/field';
import { RANGES, WINDOW_SIZES, type WindowSize } from './usage-query';

export interface UsageParams {
  range: string;
  window: WindowSize;
  timeZone: string;
  customerId: string;
  /** A metadata key of the meter's group_by_keys, or '' for no grouping. */
  groupBy: string;
}

const zoneProblem = (z: string) => (isValidTimeZone(z) ? undefined : 'not an IANA time zone, e.g. Europe/Rome');

function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
}

interface Props {
  value: UsageParams;
  groupKeys: string[];
  onChange(p: UsageParams): void;
  onRefresh(): void;
}

export function UsageControls({ value, groupKeys, onChange, onRefresh }: Props) {
  const all = useMemo(zones, []);
  return (
    <div className="controls" role="group" aria-label="Usage query">
      <Select label="Range" value={value.range} options={RANGES} onChange={(range) => onChange({ ...value, range })} />
      <Select label="Window" value={value.window} options={WINDOW_SIZES} onChange={(w) => onChange({ ...value, window: w as WindowSize })} />
      <CommitField label="Time zone" list="tz-list" value={value.timeZone} check={zoneProblem}
        onCommit={(timeZone) => onChange({ ...value, timeZone })} />
      <datalist id="tz-list">{all.map((z) => <option key={z} value={z} />)}</datalist>
      <CommitField label="Customer ID (optional)" value={value.customerId} onCommit={(customerId) => onChange({ ...value, customerId })} />
      {groupKeys.length > 0 && (
        <Select label="Group by" value={value.groupBy} onChange={(groupBy) => onChange({ ...value, groupBy })}
          options={[['', 'nothing'], ...groupKeys.map((k) => [k, `metadata.${k}`] as const)]} />
      )}
      <button type="button" onClick={onRefresh}>Refresh</button>
    </div>
  );
}
