import { Fragment, type ReactNode } from 'react';
import { ApiKeysPage } from './pages/api-keys';
import { ApiPerformancePage } from './pages/api-performance';
import { CustomerPage } from './pages/customer-page';
import { CustomersPage } from './pages/customers';
import { EventPage } from './pages/event-page';
import { EventsPage } from './pages/events';
import { MeterCreatePage } from './pages/meter-create';
import { MeterPage } from './pages/meter-page';
import { MetersPage } from './pages/meters';
import { OverviewPage } from './pages/overview';
import { matchPath } from './router/router';

type Render = (params: Record<string, string>) => ReactNode;

// Order matters: "/meters/new" before "/meters/:id".
const TABLE: [string, Render][] = [
  ['/', () => <OverviewPage />],
  ['/events', () => <EventsPage />],
  ['/events/:id', (p) => <EventPage id={p.id!} />],
  ['/meters', () => <MetersPage />],
  ['/meters/new', () => <MeterCreatePage />],
  ['/meters/:id', (p) => <MeterPage id={p.id!} />],
  ['/customers', () => <CustomersPage />],
  ['/customers/:id', (p) => <CustomerPage id={p.id!} />],
  ['/api-performance', () => <ApiPerformancePage />],
  ['/api-keys', () => <ApiKeysPage />],
];

export function Routes({ path }: { path: string }) {
  const clean = path.length > 1 ? path.replace(/\/$/, '') : path;
  for (const [pattern, render] of TABLE) {
    const params = matchPath(pattern, clean);
    // Keyed by the full URL, so /events?customer_id=a → ?customer_id=b starts the page afresh.
    if (params) return <Fragment key={path + window.location.search}>{render(params)}</Fragment>;
  }
  return <p className="note">No page at {path}.</p>;
}
