import { useState } from 'react';
import type { ApiKeyRow, Page } from '../api/types';
import { Empty, ErrorNote, Loading, NotAvailable } from '../components/status';
import { formatDateTime } from '../format/format';
import { useHasRoute } from '../hooks/use-capabilities';
import { useFetch } from '../hooks/use-fetch';
import { useApi, useSession } from '../session/session-context';
import { MODE_LABEL } from '../session/session-store';
import { CreateKeyForm } from './api-keys/create-key-form';

export function ApiKeysPage() {
  const has = useHasRoute('get', '/api-keys');
  const { mode } = useSession();
  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">API keys — {MODE_LABEL[mode].toLowerCase()}</h1>
      <p className="muted">A key reads and writes one mode's data only. Secrets are shown once, when created; revoked keys stop working within seconds.</p>
      {has === false ? <NotAvailable feature="API key management" route="GET /api-keys" /> : has && <KeyList />}
    </section>
  );
}

function KeyList() {
  const api = useApi();
  const list = useFetch((signal) => api.get<Page<ApiKeyRow>>('/api-keys', {}, signal), [api]);
  const [error, setError] = useState<Error>();
  const revoke = async (k: ApiKeyRow) => {
    const warn = k.current ? '\n\nThis is the key you are signed in with: you will be signed out.' : '';
    if (!window.confirm(`Revoke the key "${k.name || k.prefix}"? Apps using it will get 401.${warn}`)) return;
    try {
      await api.del(`/api-keys/${encodeURIComponent(k.id)}`);
      list.reload();
    } catch (err) {
      setError(err as Error);
    }
  };
  const items = list.data?.items ?? [];
  return (
    <>
      <CreateKeyForm onCreated={list.reload} />
      <ErrorNote error={list.error ?? error} />
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <Empty>No keys.</Empty>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="keys-table">
            <thead><tr><th>Name</th><th>Key</th><th>Access</th><th>Created</th><th>Status</th><th><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {items.map((k) => (
                <tr key={k.id} className={k.revoked_at ? 'revoked' : undefined}>
                  <td>{k.name || <span className="muted">(no name)</span>}{k.current && <span className="badge">this session</span>}</td>
                  <td><code>{k.prefix}…</code></td>
                  <td>{k.read_only ? 'read-only' : 'read & write'}</td>
                  <td>{formatDateTime(k.created_at)}</td>
                  <td>{k.revoked_at ? `revoked ${formatDateTime(k.revoked_at)}` : 'active'}</td>
                  <td>{!k.revoked_at && <button type="button" className="danger" onClick={() => revoke(k)} aria-label={`Revoke ${k.name || k.prefix}`}>Revoke</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
