import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import { dashboardRoute } from './dashboard.js';

const ctx = {} as AppContext;
let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tally-dash-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Tally</title>');
  writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
  app = Fastify();
  dashboardRoute(dir)(app, ctx);
  app.get('/events', async () => ({ items: [] }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the dashboard route', () => {
  it('serves index.html at /dashboard/ and client routes, assets as files', async () => {
    for (const url of ['/dashboard/', '/dashboard/meters/mtr_1']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<title>Tally</title>');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
    const js = await app.inject('/dashboard/assets/app-1234.js');
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
  });

  it('answers 404 for a missing asset rather than index.html', async () => {
    expect((await app.inject('/dashboard/assets/gone.js')).statusCode).toBe(404);
  });

  it('redirects / and /dashboard to /dashboard/ and leaves API routes alone', async () => {
    for (const url of ['/', '/dashboard']) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/dashboard/');
    }
    expect((await app.inject('/events')).json()).toEqual({ items: [] });
  });

  it('says how to build when the dashboard is not built', async () => {
    const bare = Fastify();
    dashboardRoute(join(dir, 'nowhere'))(bare, ctx);
    const res = await bare.inject('/dashboard/meters');
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build -w packages/dashboard');
    await bare.close();
  });
});
