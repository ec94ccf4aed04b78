import { Link } from '../router/router';

const ITEMS: [string, string][] = [
  ['/', 'Overview'],
  ['/events', 'Events'],
  ['/meters', 'Meters'],
  ['/customers', 'Customers'],
  ['/api-performance', 'API performance'],
  ['/api-keys', 'API keys'],
];

/** The page a path belongs to: "/meters/mtr_1" is under Meters. */
function section(path: string): string {
  const first = path.split('/')[1] ?? '';
  return `/${first}`;
}

export function Nav({ path }: { path: string }) {
  const here = section(path);
  return (
    <nav aria-label="Main">
      <ul className="nav">
        {ITEMS.map(([to, label]) => (
          <li key={to}>
            <Link to={to} aria-current={here === to ? 'page' : undefined}>{label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
