import type { QuotaLimit } from './options.js';

export interface LimitsSource {
  baseURL: string;
  apiKey: string;
  fetch: typeof fetch;
}

/** `GET /customers/{id}/limits`; an unknown customer has no limits. */
export async function fetchLimits(src: LimitsSource, customerId: string, timeoutMs = 5000): Promise<QuotaLimit[]> {
  const res = await src.fetch(`${src.baseURL}/customers/${encodeURIComponent(customerId)}/limits`, {
    headers: { authorization: `Bearer ${src.apiKey}`, accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (res.status === 404) {
    await res.body?.cancel();
    return [];
  }
  if (!res.ok) throw new Error(`GET /customers/${customerId}/limits answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  const body = (await res.json()) as { items?: QuotaLimit[] };
  return Array.isArray(body.items) ? body.items : [];
}
