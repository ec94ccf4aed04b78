import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What to do with the n-th request: pass it on; answer 500 without passing it
 * ('fail'); pass it on, then answer 500 anyway, as if the response were lost
 * ('lose-answer'); or pass it on after a delay, or once `until` settles.
 */
export type ProxyAction = 'pass' | 'fail' | 'lose-answer' | { delayMs: number } | { until: Promise<unknown> };

export interface FaultProxy {
  url: string;
  requests: number;
  /** Requests the server answered 200 to, including lost answers. */
  forwarded: number;
  plan: (n: number) => ProxyAction;
  close(): Promise<void>;
}

/** A local HTTP proxy in front of a real server that injects faults. */
export async function startFaultProxy(target: string, plan: (n: number) => ProxyAction = () => 'pass'): Promise<FaultProxy> {
  const proxy: FaultProxy = {
    url: '', requests: 0, forwarded: 0, plan,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const action = proxy.plan(++proxy.requests);
    const fail = () => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'INJECTED', message: 'injected by the test proxy' }));
    };
    if (action === 'fail') return fail();
    if (typeof action === 'object') {
      await ('until' in action ? action.until : new Promise((r) => setTimeout(r, action.delayMs)));
    }
    try {
      const upstream = await fetch(target + req.url, {
        method: req.method,
        headers: { authorization: req.headers.authorization ?? '', 'content-type': req.headers['content-type'] ?? 'application/json' },
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const text = await upstream.text();
      if (upstream.ok) proxy.forwarded++;
      if (action === 'lose-answer') return fail();
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

/** Every event_id the server holds for `customerId`, read back through GET /events. */
export async function storedIds(url: string, apiKey: string, customerId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 0; ; page++) {
    const res = await fetch(`${url}/events?customer_id=${encodeURIComponent(customerId)}&page_size=100&page_number=${page}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    if (!res.ok) throw new Error(`GET /events: ${res.status} ${await res.text()}`);
    const items = ((await res.json()) as { items: Array<{ event_id: string }> }).items;
    ids.push(...items.map((e) => e.event_id));
    if (items.length < 100) return ids;
  }
}
