import type { Transport } from './transport.js';

/** POSTs with a fetch function: the user's own, or the global one where node:http is unavailable. */
export function fetchTransport(f: typeof fetch): Transport {
  return async (url, { headers, body, signal }) => {
    const res = await f(url, { method: 'POST', headers, body, signal });
    return { status: res.status, headers: () => res.headers, text: () => res.text() };
  };
}
