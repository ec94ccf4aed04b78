import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
let root: string;

/** Builds into a scratch copy and installs it as node_modules/@tally/sdk, as a user would get it. */
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tally-sdk-build-'));
  const pkg = join(root, 'node_modules', '@tally', 'sdk');
  await mkdir(pkg, { recursive: true });
  await run('npx', ['tsup', '--out-dir', join(pkg, 'dist'), '--silent'], { cwd: pkgDir, timeout: 120_000 });
  await cp(join(pkgDir, 'package.json'), join(pkg, 'package.json'));
  await symlink(join(pkgDir, '../../node_modules/typescript'), join(root, 'node_modules', 'typescript'));
}, 120_000);
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

const node = (file: string) => run(process.execPath, [file], { cwd: root }).then((r) => r.stdout.trim());

describe('the built package', () => {
  it('has no runtime dependencies and inlines @tally/core', async () => {
    const pkg = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    const dist = join(root, 'node_modules/@tally/sdk/dist');
    for (const f of await readdir(dist)) {
      if (!f.endsWith('.map')) expect(await readFile(join(dist, f), 'utf8'), f).not.toContain('@tally/core');
    }
  });

  it('loads node:fs only in the spool chunk, imported when a spool is asked for', async () => {
    const dist = join(root, 'node_modules/@tally/sdk/dist');
    const withFs: string[] = [];
    for (const f of await readdir(dist)) {
      if (/\.c?js$/.test(f) && /["'](node:)?fs\/promises["']/.test(await readFile(join(dist, f), 'utf8'))) withFs.push(f);
    }
    expect(withFs.length).toBeGreaterThan(0);
    for (const f of withFs) expect(f).toMatch(/^spool-/);
  });

  it('loads with require() and import, every subpath included', async () => {
    const { writeFile } = await import('node:fs/promises');
    const subpaths = ['llm', 'object-storage', 'stream', 'time-range'];
    await writeFile(join(root, 'a.cjs'), `const s = require('@tally/sdk');
${subpaths.map((p) => `require('@tally/sdk/${p}');`).join('\n')}
console.log(typeof s.createBatch, typeof s.Ingestion, s.EVENT_LIMITS.maxEventsPerRequest);`);
    await writeFile(join(root, 'b.mjs'), `import { createBatch, deterministicEventId } from '@tally/sdk';
${subpaths.map((p, i) => `import * as m${i} from '@tally/sdk/${p}';`).join('\n')}
console.log(typeof createBatch, deterministicEventId('c', 'a', 1));`);
    expect(await node('a.cjs')).toBe('function function 1000');
    expect(await node('b.mjs')).toBe('function c_a_1');
  });

  it('type-checks a consumer under NodeNext', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(root, 'c.mts'), `import { createBatch, Ingestion, type BatchStats } from '@tally/sdk';
const b = createBatch(new Ingestion({ apiKey: 'k', baseURL: 'http://x', eventName: 'e' }), { maxSize: 10 });
const s: BatchStats = b.stats();
b.add({ customerId: 'c', metadata: { n: s.sent } });`);
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    await run(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--typeRoots', join(pkgDir, '../../node_modules/@types'), 'c.mts'], { cwd: root });
  });

  it('runs a threaded batch from the built worker file, under import and require()', async () => {
    const { writeFile } = await import('node:fs/promises');
    // A stand-in server in the same script: counts the events it is sent and answers as Tally does.
    const script = (load: string) => `${load}
const http = require('node:http');
let got = 0;
const srv = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const n = JSON.parse(body).events.length;
    got += n;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ingested_count: n, duplicate_count: 0, unknown_customer_ids: [] }));
  });
});
srv.listen(0, '127.0.0.1', async () => {
  const b = createBatch(new Ingestion({ apiKey: 'k', baseURL: 'http://127.0.0.1:' + srv.address().port, eventName: 'e' }), { thread: true });
  for (let i = 0; i < 5; i++) b.add({ customerId: 'c' });
  await b.flush();
  const s = b.stats();
  await b.cleanup();
  srv.close();
  console.log(got, s.acknowledged);
});`;
    await writeFile(join(root, 't.cjs'), script(`const { createBatch, Ingestion } = require('@tally/sdk');`));
    await writeFile(join(root, 't.mjs'), script(`import { createBatch, Ingestion } from '@tally/sdk';\nimport { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);`));
    expect(await node('t.cjs')).toBe('5 5');
    expect(await node('t.mjs')).toBe('5 5');
  });

  it('rate limits without rate-limiter-flexible installed: each limited request fails saying so; others pass', async () => {
    const { writeFile } = await import('node:fs/promises');
    // The scratch install has no rate-limiter-flexible (an optional peer dependency); a bare node:http
    // server runs the Express middleware, which needs no more than Node's request and response.
    await writeFile(join(root, 'r.mjs'), `import http from 'node:http';
import { rateLimit } from '@tally/sdk/express';
const limit = rateLimit({ customerId: (req) => req.headers['x-customer'], points: 10, duration: 60 });
const srv = http.createServer((req, res) => limit(req, res, (error) => res.end(error ? 'error: ' + error.message : 'ok')));
srv.listen(0, '127.0.0.1', async () => {
  const url = 'http://127.0.0.1:' + srv.address().port;
  const limited = await (await fetch(url, { headers: { 'x-customer': 'c' } })).text();
  const anonymous = await (await fetch(url)).text();
  srv.close();
  console.log(JSON.stringify([limited, anonymous]));
});`);
    const [limited, anonymous] = JSON.parse(await node('r.mjs')) as string[];
    expect(limited).toMatch(/^error: .*npm install rate-limiter-flexible/);
    expect(anonymous).toBe('ok');
  });
});
