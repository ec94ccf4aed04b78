import { useEffect, useState } from 'react';
import { Field } from './field';

interface Props {
  label: string;
  value: string;
  onCommit(value: string): void;
  /** An error message for a value that must not be sent, or undefined. */
  check?: (value: string) => string | undefined;
  list?: string;
  placeholder?: string;
}

/**
 * A text field whose value is applied on Enter or leaving the field, not on
 * every keystroke: each applied value costs a server query.
 */
export function CommitField({ label, value, onCommit, check, list, placeholder }: Props) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const problem = check?.(draft);
  const commit = () => { if (!problem && draft !== value) onCommit(draft); };
  return (
    <Field label={label} list={list} placeholder={placeholder} value={draft} aria-invalid={problem ? true : undefined}
      hint={problem} onChange={(e) => setDraft(e.target.value)} onBlur={commit}
      onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
  );
}
