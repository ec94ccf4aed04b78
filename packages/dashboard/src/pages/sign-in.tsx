import { useState, type FormEvent } from 'react';
import { createApi } from '../api/client';
import type { ApiKeyRow, Mode, Page } from '../api/types';
import { Field } from '../components/field';
import { ErrorNote } from '../components/status';
import { useSession } from '../session/session-context';
import { MODE_LABEL, modeOfKey } from '../session/session-store';

/** Checks the key against the API and learns its mode before keeping it. */
async function verify(key: string): Promise<Mode> {
  const api = createApi(key, () => {});
  await api.get('/events', { page_size: 1 });
  const byPrefix = modeOfKey(key);
  if (byPrefix) return byPrefix;
  const keys = await api.get<Page<ApiKeyRow>>('/api-keys');
  const mine = keys.items.find((k) => k.current);
  if (!mine) throw new Error('could not tell which mode this key belongs to');
  return mine.mode;
}

export function SignIn() {
  const { mode, signIn, notice } = useSession();
  const [key, setKey] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const k = key.trim();
      signIn(await verify(k), k);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="sign-in card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to {MODE_LABEL[mode].toLowerCase()}</h1>
      {notice && <p className="note error" role="alert">{notice}</p>}
      <p>
        Paste an API key. It stays in this browser tab only (session storage) and is sent only to this server.
        A key belongs to one mode: a <code>tly_test_…</code> key opens test mode, a <code>tly_live_…</code> key live mode.
      </p>
      <p className="muted">No key yet? On the server: <code>npx tally keys create --mode {mode}</code></p>
      <form onSubmit={submit}>
        <Field label="API key" name="api-key" type="password" autoComplete="off" required value={key}
          onChange={(e) => setKey(e.target.value)} placeholder="tly_test_…" />
        <button type="submit" className="primary" disabled={busy || !key.trim()}>{busy ? 'Checking…' : 'Sign in'}</button>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}
