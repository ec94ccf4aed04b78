import { Agent, request } from 'node:http';

/** POSTs pre-serialised bodies with `concurrency` keep-alive connections; returns wall time in ms. */
export async function postAll(url: string, key: string, bodies: string[], concurrency: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  let next = 0;
  const one = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request({
        agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < bodies.length) await one(bodies[next++]!);
  }));
  const ms = performance.now() - t0;
  agent.destroy();
  return ms;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Returns once the server has folded every committed event (an analytics read folds first). */
export async function waitFolded(url: string, key: string): Promise<void> {
  const res = await fetch(`${url}/analytics/api-calls`, { headers: { authorization: `Bearer ${key}` } });
  if (!res.ok) throw new Error(`analytics read: ${res.status} ${await res.text()}`);
}
