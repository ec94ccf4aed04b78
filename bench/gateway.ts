/**
 * Requests/s of an Express hello-world with the Tally middleware against
 * without it, in one run: plain, with call tracking (a real batch sending to a
 * stand-in server), and with tracking plus the in-memory rate limiter. The
 * load generator (autocannon, in this process, or wrk with `--load wrk`)
 * runs here; the app and the sink each run in a child process. Rounds change
 * the order; figures are medians. The app runs the SDK as built
 * (packages/sdk/dist), which this script builds first.
 *   npm run bench:gateway [-- --rounds 5 --slices 1 --seconds 8 --warmup 15 --connections 50 --noop --max-size 1000 --load wrk]
 * Each round starts every variant's app afresh and warms it up under load for
 * `--warmup` seconds (default 15); then the apps take turns under load,
 * `--slices` times, each for `--seconds`. The warm-up is long because the
 * threaded batch's worker sends one request per 100 events, so its HTTP
 * client code is compiled late: measured with 3 s slices, tracked's CPU per
 * request fell from 174 to about 128 µs over its first 15 s, while plain's
 * settled within 3 s.
 * wrk (Debian's `wrk` package, one thread) is written in C and takes a
 * fraction of autocannon's CPU, so on a 2-core machine the load generator
 * leaves the app's second core less busy: the app's own threads (the batch's
 * worker, V8's helpers) compete less with it.
 * tracked and limited mount what the middleware README recommends for a
 * gateway (see gateway/app.mjs): tallyApp (hooked into the app, no router
 * layer) and a batch that delivers from a worker thread.
 * --noop adds the reference variants app.mjs lists (an empty middleware, the
 * middleware with its events dropped, the middleware with a threaded or an
 * in-thread batch, tally() as one middleware, tallyApp with its events
 * dropped at the batch's door); `--refs a,b` only those. --max-size sets the batch's
 * maxSize: by default 1000, as the middleware README recommends for a busy
 * gateway (the worker's CPU per event about halves against createBatch's default of 100).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { median } from './lib/http-load.ts';

type Autocannon = (o: { url: string; connections: number; duration: number; headers: Record<string, string> }) => Promise<{
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({
  options: {
    rounds: { type: 'string' }, seconds: { type: 'string' }, connections: { type: 'string' }, noop: { type: 'boolean' }, 'max-size': { type: 'string' },
    load: { type: 'string' }, slices: { type: 'string' }, warmup: { type: 'string' }, refs: { type: 'string' },
  },
});
const LOAD = values.load ?? 'autocannon';
if (LOAD !== 'autocannon' && LOAD !== 'wrk') throw new Error(`--load: autocannon or wrk, not ${LOAD}`);
const ROUNDS = Number(values.rounds ?? 5);
const SLICES = Number(values.slices ?? 1);
const WARMUP = Number(values.warmup ?? 15);
const SECONDS = Number(values.seconds ?? 8);
const CONNECTIONS = Number(values.connections ?? 50);
const MAX_SIZE = values['max-size'] ?? '1000';
type Variant = 'plain' | 'tracked' | 'limited' | 'empty' | 'noop' | 'tracked-mw' | 'tracked-inline' | 'limited-tally' | 'limited-apart' | 'limit-only' | 'dropped';
const REFERENCES: Variant[] = ['empty', 'noop', 'tracked-mw', 'tracked-inline', 'limited-tally', 'limited-apart', 'limit-only', 'dropped'];
// --refs picks references instead of all of them: --refs limit-only,empty
const picked = values.refs ? (values.refs.split(',') as Variant[]) : REFERENCES;
for (const v of picked) if (!REFERENCES.includes(v)) throw new Error(`--refs: no reference variant ${v}`);
const VARIANTS: Variant[] = values.noop || values.refs ? ['plain', 'tracked', 'limited', ...picked] : ['plain', 'tracked', 'limited'];

async function child(file: string, args: string[] = []): Promise<{ url: string; proc: ChildProcess; stop(): Promise<void> }> {
  const loader = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const proc = spawn(process.execPath, [...loader, new URL(file, import.meta.url).pathname, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    proc.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  const stop = () => new Promise<void>((resolve) => (proc.once('exit', () => resolve()), proc.kill('SIGTERM')));
  return { url, proc, stop };
}

interface Load {
  rps: number;
  total: number;
  /** Non-2xx answers and socket errors. */
  failed: number;
}

async function autocannonLoad(url: string, duration: number): Promise<Load> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration, headers: { 'x-customer': 'cus_bench' } });
  return { rps: r.requests.average, total: r.requests.total, failed: r.non2xx + r.errors };
}

function wrkLoad(url: string, duration: number): Promise<Load> {
  const args = ['-t1', `-c${CONNECTIONS}`, `-d${duration}s`, '-H', 'x-customer: cus_bench', url];
  return new Promise((resolve, reject) => {
    const proc = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('error', reject);
    proc.once('exit', (code) => {
      const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
      const total = num(/(\d+) requests in/);
      if (code !== 0 || !total) return reject(new Error(`wrk exited with ${code}: ${out}`));
      const errors = [...out.matchAll(/(?:connect|read|write|timeout) (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
      resolve({ rps: num(/Requests\/sec:\s+([\d.]+)/), total, failed: num(/Non-2xx or 3xx responses: (\d+)/) + errors });
    });
  });
}

interface Figures {
  rps: number;
  /** Server CPU time per request, µs: what the middleware costs, even on a busy machine. */
  cpuUs: number;
  /** The request thread's alone, µs per request (Linux; NaN elsewhere). */
  mainUs: number;
}

interface App {
  /** One measured slice of load: requests/s and CPU per request. */
  slice(seconds: number): Promise<Figures>;
  stop(): Promise<void>;
}

async function startApp(variant: Variant, sinkUrl: string): Promise<App> {
  const app = await child('./gateway/app.mjs', [variant, sinkUrl, MAX_SIZE]);
  const run = (duration: number) => (LOAD === 'wrk' ? wrkLoad : autocannonLoad)(`${app.url}/hello/world`, duration);
  const cpu = async () => (await (await fetch(`${app.url}/__cpu`)).json()) as { us: number; mainUs: number | null };
  await run(WARMUP); // JIT, connection set-up
  return {
    async slice(seconds) {
      const before = await cpu();
      const r = await run(seconds);
      const after = await cpu();
      if (r.failed) throw new Error(`${variant}: ${r.failed} requests failed (non-2xx or socket errors)`);
      const main = after.mainUs === null ? NaN : (after.mainUs - before.mainUs!) / r.total;
      return { rps: r.rps, cpuUs: (after.us - before.us) / r.total, mainUs: main };
    },
    stop: app.stop,
  };
}

// The app runs the built SDK, as users do (tsx's keepNames would add a call per closure).
console.log('building @tally/sdk …');
execFileSync('npm', ['run', 'build', '-w', '@tally/sdk'], { stdio: 'ignore' });
const sink = await child('./gateway/sink.ts');
// Other work on the machine skews every figure: the 1-minute load average is kept per round.
const loads = [os.loadavg()[0]!];
const rps = Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]])) as Record<Variant, number[]>;
const cpu = Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]])) as Record<Variant, number[]>;
const main = Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]])) as Record<Variant, number[]>;
let cycle = 0;
for (let round = 0; round < ROUNDS; round++) {
  // Fresh processes each round (each has its own JIT's choices); within a
  // round every variant's app stays up, and they take turns for SLICES cycles,
  // so the variants of one cycle are measured within seconds of each other.
  const apps = {} as Record<Variant, App>;
  for (const v of VARIANTS) apps[v] = await startApp(v, sink.url);
  for (let s = 0; s < SLICES; s++, cycle++) {
    // Rotated each cycle, and reversed every other one, so that no variant always follows the same one.
    const rotated = VARIANTS.map((_, i) => VARIANTS[(i + cycle) % VARIANTS.length]!);
    const order = cycle % 2 === 1 ? rotated.reverse() : rotated;
    for (const v of order) {
      const f = await apps[v].slice(SECONDS);
      rps[v].push(f.rps);
      cpu[v].push(f.cpuUs);
      main[v].push(f.mainUs);
    }
  }
  for (const v of VARIANTS) await apps[v].stop();
  loads.push(os.loadavg()[0]!);
  const last = (xs: number[]) => median(xs.slice(-SLICES));
  console.log(`round ${round + 1}: ${VARIANTS.map((v) => `${v} ${Math.round(last(rps[v]))} req/s ${last(cpu[v]).toFixed(1)} µs CPU/req (${last(main[v]).toFixed(1)} request thread)`).join(', ')}`);
}
await sink.stop();

const m = Object.fromEntries(VARIANTS.map((v) => [v, median(rps[v])])) as Record<Variant, number>;
const c = Object.fromEntries(VARIANTS.map((v) => [v, median(cpu[v])])) as Record<Variant, number>;
const pct = (x: number) => `${((x / m.plain) * 100).toFixed(1)}%`;
// Requests/s a CPU-bound server could reach relative to plain: the inverse ratio of CPU per request.
const cpuPct = (v: Variant) => `${((c.plain / c[v]) * 100).toFixed(1)}%`;
// The same for the request thread alone: the rate it could reach were it the only thread.
const t = Object.fromEntries(VARIANTS.map((v) => [v, median(main[v])])) as Record<Variant, number>;
const mainPct = (v: Variant) => `${((t.plain / t[v]) * 100).toFixed(1)}%`;
console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}; ${ROUNDS} rounds × ${SLICES} slices × ${SECONDS} s after ${WARMUP} s of warm-up, ${CONNECTIONS} connections (${LOAD}); batch maxSize ${MAX_SIZE}`);
// Each cycle's own ratio: slices next to each other share the machine's mood, so these are steadier.
const ratios = (v: Variant, xs: Record<Variant, number[]>, inverse = false) =>
  xs[v].map((x, i) => (inverse ? xs.plain[i]! / x : x / xs.plain[i]!) * 100).sort((a, b) => a - b);
// The middle half of the cycles' ratios: how far one cycle's figure can be trusted.
const quartiles = (xs: number[]) => `${xs[Math.floor((xs.length - 1) / 4)]!.toFixed(1)}–${xs[Math.ceil(((xs.length - 1) * 3) / 4)]!.toFixed(1)}%`;
console.log(`load average (1 min) at the start and after each round: ${loads.map((x) => x.toFixed(1)).join(' ')}`);
console.log(`plain                     ${Math.round(m.plain)} req/s, ${c.plain.toFixed(1)} µs CPU/req, ${t.plain.toFixed(1)} in the request thread (medians)`);
console.log(`+ tracking                ${Math.round(m.tracked)} req/s  ${pct(m.tracked)} of plain (target ≥ 95%); by CPU/req ${cpuPct('tracked')}, request thread ${mainPct('tracked')}`);
console.log(`+ tracking + rate limit   ${Math.round(m.limited)} req/s  ${pct(m.limited)} of plain (target ≥ 90%); by CPU/req ${cpuPct('limited')}, request thread ${mainPct('limited')} (tallyApp)`);
for (const v of VARIANTS.filter((x) => x !== 'plain')) {
  const r = ratios(v, rps);
  const byCpu = ratios(v, cpu, true);
  const byMain = ratios(v, main, true);
  console.log(`  ${v}: median of per-cycle ratios ${median(r).toFixed(1)}% (req/s; quartiles ${quartiles(r)}), ${median(byCpu).toFixed(1)}% (CPU/req; ${quartiles(byCpu)}), ${median(byMain).toFixed(1)}% (request thread's CPU/req; ${quartiles(byMain)})`);
}
if (values.noop || values.refs) {
  const what: Record<string, string> = {
    empty: 'an empty middleware', noop: 'trackApiCalls, events dropped', 'tracked-mw': 'trackApiCalls middleware, threaded batch',
    'tracked-inline': "trackApiCalls middleware, batch in the app's thread", 'limited-tally': 'tally({ tracking, rateLimit }), threaded batch',
    'limited-apart': 'tallyApp tracking + app.use(rateLimit()), threaded batch',
    'limit-only': 'tallyApp with the rate limit alone, no tracking',
    dropped: 'tallyApp tracking, each event dropped at the batch door',
  };
  for (const v of picked) console.log(`+ ${what[v]!.padEnd(52)} ${Math.round(m[v])} req/s  ${pct(m[v])} of plain; by CPU/req ${cpuPct(v)}, request thread ${mainPct(v)}`);
}
