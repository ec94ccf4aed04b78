import { useState, type FormEvent } from 'react';
import type { ApiKeyRow } from '../../api/types';
import { Field } from '../../components/field';
import { ErrorNote } from '../../components/status';
import { useApi } from '../../session/session-context';

type Created = ApiKeyRow & { secret: string };

/** Creates a key and shows its secret this once, with a copy button. */
export function CreateKeyForm({ onCreated }: { onCreated(): void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const [created, setCreated] = useState<Created>();
  const [error, setError] = useState<Error>();
  const [copied, setCopied] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      setCreated(await api.post<Created>('/api-keys', { name: name.trim() || undefined, read_only: readOnly }));
      setCopied(false);
      setName('');
      onCreated();
    } catch (err) {
      setError(err as Error);
    }
  };
  const copy = async () => {
    if (!created) return;
    await navigator.clipboard?.writeText(created.secret).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <div className="card">
      <form className="inline-form" onSubmit={submit} aria-label="Create an API key">
        <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. billing-worker" maxLength={100} />
        <label className="check"><input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} /> Read-only</label>
        <button type="submit" className="primary">Create key</button>
      </form>
      <ErrorNote error={error} />
      {created && (
        <div className="secret" role="status" data-testid="new-secret">
          <p><strong>Copy this key now: it will not be shown again.</strong></p>
          <code className="secret-value">{created.secret}</code>
          <div>
            <button type="button" onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
            <button type="button" className="link" onClick={() => setCreated(undefined)}>I have stored it — hide</button>
          </div>
        </div>
      )}
    </div>
  );
}
