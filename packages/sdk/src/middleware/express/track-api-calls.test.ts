import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../../blueprints/testing/memory-recorder.js';
import { expressVersions } from '../testing/express-apps.js';
import { listen, type Listening } from '../testing/listen.js';
import { trackApiCalls } from './track-api-calls.js';
import { tallyApp } from './tally-app.js';

const versions = await expressVersions();
// Each case on both Express majors, and both ways to mount: a middleware, and tallyApp on the app's entry.
const cases = versions.flatMap(([name, express]) => (['middleware', 'tallyApp'] as const).map((mount) => [name, mount, express] as const));

describe.each(cases)('trackApiCalls on %s, as %s', (_name, mount, express) => {
  let served: Listening | undefined;
  afterEach(async () => served?.close());

  async function start(recorder: MemoryRecorder, extra: Partial<Parameters<typeof trackApiCalls>[0]> = {}) {
    const app = express();
    const options = { recorder, customerId: (req: { headers: Record<string, unknown> }) => req.headers['x-customer'] as string | undefined, ...extra };
    const track = mount === 'tallyApp' ? tallyApp(app, { tracking: options }) : trackApiCalls(options);
    if (mount === 'middleware') app.use(track as ReturnType<typeof trackApiCalls>);
    app.use(express.json());
    app.get('/users/:id', (req, res) => {
      res.json({ id: req.params.id });
    });
    app.post('/users', (req, res) => {
      res.status(201).send('created');
    });
    const v1 = express.Router();
    v1.get('/orders/:orderId', () => {
      throw new Error('boom');
    });
    v1.get('/chunks', (_req, res) => {
      res.write('abc');
      setTimeout(() => res.end('defg'), 5);
    });
    v1.get('/slow', (_req, res) => {
      setTimeout(() => res.send('late'), 40);
    });
    app.use('/v1', v1);
    app.use((err: Error, _req: unknown, res: { status(n: number): { send(s: string): void } }, _next: unknown) => {
      res.status(503).send(err.message);
    });
    served = await listen(app);
    return { track, get: (path: string, init: RequestInit = {}) => fetch(served!.url + path, { ...init, headers: { 'x-customer': 'cus_1', ...init.headers } }) };
  }

  it('records the route template, method, status, timing and bytes', async () => {
    const recorder = new MemoryRecorder();
    const { track, get } = await start(recorder);
    const res = await get('/users/42?x=1');
    const body = await res.text();
    await get('/users', { method: 'POST', body: JSON.stringify({ name: 'a' }), headers: { 'content-type': 'application/json' } });
    await track.settled();
    expect(recorder.events).toHaveLength(2);
    const [first, second] = recorder.events;
    expect(first!.customerId).toBe('cus_1');
    expect(first!.metadata).toMatchObject({ endpoint: '/users/:id', method: 'GET', status_code: 200, request_bytes: 0, response_bytes: Buffer.byteLength(body) });
    expect(first!.metadata!.response_time_ms).toBeGreaterThan(0);
    expect(second!.metadata).toMatchObject({ endpoint: '/users', method: 'POST', status_code: 201, request_bytes: 12, response_bytes: 7 });
  });

  it('keeps the router prefix when a nested handler throws, and records its status', async () => {
    const recorder = new MemoryRecorder();
    const { track, get } = await start(recorder);
    expect((await get('/v1/orders/9')).status).toBe(503);
    await track.settled();
    expect(recorder.metadata()).toMatchObject({ endpoint: '/v1/orders/:orderId', status_code: 503 });
  });

  it('measures until the response finished, in fractional ms', async () => {
    const recorder = new MemoryRecorder();
    const { track, get } = await start(recorder);
    await (await get('/v1/slow')).text();
    await track.settled();
    const ms = recorder.metadata().response_time_ms as number;
    expect(ms).toBeGreaterThanOrEqual(39);
    expect(ms).toBeLessThan(1000);
  });

  it('counts streamed bodies from the socket (chunk framing included) and HEAD as 0', async () => {
    const recorder = new MemoryRecorder();
    const { track, get } = await start(recorder);
    expect(await (await get('/v1/chunks')).text()).toBe('abcdefg');
    await get('/users/1', { method: 'HEAD' });
    await track.settled();
    const [streamed, head] = recorder.events.map((e) => e.metadata!);
    expect(streamed!.response_bytes).toBeGreaterThanOrEqual(7);
    expect(streamed!.response_bytes).toBeLessThanOrEqual(7 + 20);
    expect(head).toMatchObject({ method: 'HEAD', response_bytes: 0 });
  });

  it('records unmatched requests under one endpoint', async () => {
    const recorder = new MemoryRecorder();
    const { track, get } = await start(recorder);
    expect((await get('/nope/123')).status).toBe(404);
    await track.settled();
    expect(recorder.metadata()).toMatchObject({ endpoint: '(unmatched)', status_code: 404 });
  });

  it('skips filtered paths and methods, and requests without a customer', async () => {
    const recorder = new MemoryRecorder();
    const { track, get } = await start(recorder, { include: ['/users*'], exclude: ['/users/secret'], methods: ['GET'] });
    await get('/users/secret');
    await get('/v1/slow');
    await get('/users', { method: 'POST', body: '{}' });
    await fetch(served!.url + '/users/1');
    await get('/users/2');
    await track.settled();
    expect(recorder.events.map((e) => e.metadata!.endpoint)).toEqual(['/users/:id']);
  });

  it('sends customerless requests as the anonymous ID, with extra metadata', async () => {
    const recorder = new MemoryRecorder();
    const { track } = await start(recorder, {
      anonymousCustomerId: 'anonymous',
      metadata: (req, call) => ({ region: 'eu', slow: call.responseTimeMs > 1000, ua: String(req.headers['user-agent']).slice(0, 5) }),
    });
    await fetch(served!.url + '/users/1');
    await track.settled();
    expect(recorder.events[0]!.customerId).toBe('anonymous');
    expect(recorder.metadata()).toMatchObject({ region: 'eu', slow: false, endpoint: '/users/:id' });
  });

  it('reads the template as it stands when mounted on a route, or inside a mounted sub-app', async () => {
    const recorder = new MemoryRecorder();
    const app = express();
    const track = trackApiCalls({ recorder, customerId: () => 'cus_1' });
    app.get('/direct/:id', track, (_req, res) => {
      res.send('ok');
    });
    const sub = express();
    sub.get('/items/:itemId', (_req, res) => {
      res.send('ok');
    });
    app.use(track);
    app.use('/shop', sub);
    served = await listen(app);
    await (await fetch(served.url + '/direct/1')).text();
    await (await fetch(served.url + '/shop/items/2')).text();
    await track.settled();
    expect(recorder.events.map((e) => e.metadata!.endpoint)).toEqual(['/direct/:id', '/shop/items/:itemId']);
  });

  it('never makes the response wait for the recorder, and reports its failures', async () => {
    const recorder = new MemoryRecorder();
    recorder.gate = new Promise(() => {});
    const errors: unknown[] = [];
    const { get } = await start(recorder, { onError: (e) => errors.push(e) });
    const t0 = performance.now();
    expect((await get('/users/1')).status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(500);
    const failing = new MemoryRecorder();
    failing.failWith = new Error('down');
    await served!.close();
    const again = await start(failing, { onError: (e) => errors.push(e) });
    expect((await again.get('/users/1')).status).toBe(200);
    await again.track.settled();
    expect(errors).toHaveLength(1);
  });
});

describe.each(versions)('tallyApp on %s', (_name, express) => {
  it('stops timing new requests once stopped, and leaves the app as it was', async () => {
    const recorder = new MemoryRecorder();
    const app = express();
    const original = app.handle;
    app.get('/a', (_req, res) => {
      res.send('ok');
    });
    const tracking = tallyApp(app, { tracking: { recorder, customerId: () => 'cus_1' } });
    const served = await listen(app);
    try {
      await (await fetch(served.url + '/a')).text();
      tracking.stop();
      expect(app.handle).toBe(original);
      await (await fetch(served.url + '/a')).text();
      await tracking.settled();
      expect(recorder.events.map((e) => e.metadata!.endpoint)).toEqual(['/a']);
    } finally {
      await served.close();
    }
  });
});
