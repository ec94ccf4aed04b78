/**
 * What this server offers, read from its /openapi.json: pages for features a
 * server lacks say so instead of failing or faking data.
 */
export type Capabilities = Set<string>;

/** "GET /meters/{id}/usage", as the OpenAPI document names routes. */
export const route = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

export async function loadCapabilities(): Promise<Capabilities> {
  const res = await fetch('/openapi.json');
  if (!res.ok) return new Set();
  const doc = (await res.json()) as { paths?: Record<string, Record<string, unknown>> };
  const caps = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const method of Object.keys(ops)) caps.add(route(method, path));
  }
  return caps;
}
