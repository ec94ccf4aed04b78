import type { ReactNode } from 'react';
import { ApiError } from '../api/api-error';

export function ErrorNote({ error }: { error: Error | undefined }) {
  if (!error) return null;
  const code = error instanceof ApiError ? ` (${error.status} ${error.code})` : '';
  return <p className="note error" role="alert">{error.message}{code}</p>;
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return <p className="note muted" aria-live="polite">{what}…</p>;
}

/** What a page says when this server does not have the API it needs. */
export function NotAvailable({ feature, route }: { feature: string; route: string }) {
  return (
    <div className="note unavailable" role="note" data-testid="not-available">
      <strong>{feature} is not available on this server.</strong> It needs <code>{route}</code>, which
      this server's <code>/openapi.json</code> does not list. Upgrade the server to use it.
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="note muted">{children}</p>;
}
