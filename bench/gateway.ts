/**
 * Requests/s of an Express hello-world with the Tally middleware against
 * without it, in one run: plain, with call tracking (a real batch sending to a
 * stand-in server), and with tracking plus the in-memory rate limiter. The
 * load generator (autocannon) runs here; the app and the sink each run in a
 * child process. Rounds change the order; figures are medians. The app
 * runs the SDK as built (packages/sdk/dist), which this script builds first.
 *   npm run bench:gateway [-- --rounds 5 --seconds 8 --connections 50 --noop --max-size 1000]
 * tracked and limited mount what the middleware README recommends for a
 * gateway (see gateway/app.mjs): tallyApp (hooked into the app, no router
 * layer) and a batch that delivers from a worker thread.
 * --noop adds the reference variants app.mjs lists (an empty middleware, the
 * middleware with its events dropped, the middleware with a threaded or an
 * in-thread batch, tally() as one middleware). --max-size sets the batch's
 * maxSize (default: createBatch's default).
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
  options: { rounds: { type: 'string' }, seconds: { type: 'string' }, connections: { type: 'string' }, noop: { type: 'boolean' }, 'max-size': { type: 'string' } },
});
const ROUNDS = Number(values.rounds ?? 5);
const SECONDS = Number(values.seconds ?? 8);
const CONNECTIONS = Number(values.connections ?? 50);
const MAX_SIZE = values['max-size'];
type Variant = 'plain' | 'tracked' | 'limited' | 'empty' | 'noop' | 'tracked-mw' | 'tracked-inline' | 'limited-tally' | 'limited-apart';
const REFERENCES: Variant[] = ['empty', 'noop', 'tracked-mw', 'tracked-inline', 'limited-tally', 'limited-apart'];
const VARIANTS: Variant[] = values.noop ? ['plain', 'tracked', 'limited', ...REFERENCES] : ['plain', 'tracked', 'limited'];

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

interface Figures {
  rps: number;
  /** Server CPU time per request, µs: what the middleware costs, even on a busy machine. */
  cpuUs: number;
}

async function measure(variant: Variant, sinkUrl: string): Promise<Figures> {
  const app = await child('./gateway/app.mjs', [variant, sinkUrl, ...(MAX_SIZE ? [MAX_SIZE] : [])]);
  const run = (duration: number) => autocannon({ url: `${app.url}/hello/world`, connections: CONNECTIONS, duration, headers: { 'x-customer': 'cus_bench' } });
  const cpu = async () => ((await (await fetch(`${app.url}/__cpu`)).json()) as { us: number }).us;
  await run(2); // warm-up: JIT, connection set-up
  const before = await cpu();
  const r = await run(SECONDS);
  const used = (await cpu()) - before;
  await app.stop();
  if (r.non2xx || r.errors) throw new Error(`${variant}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, cpuUs: used / r.requests.total };
}

// The app runs the built SDK, as users do (tsx's keepNames would add a call per closure).
console.log('building @tally/sdk …');
execFileSync('npm', ['run', 'build', '-w', '@tally/sdk'], { stdio: 'ignore' });
const sink = await child('./gateway/sink.ts');
// Other work on the machine skews every figure: the 1-minute load average is kept per round.
const loads = [os.loadavg()[0]!];
const rps = Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]])) as Record<Variant, number[]>;
const cpu = Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]])) as Record<Variant, number[]>;
for (let round = 0; round < ROUNDS; round++) {
  // Rotated each round, and reversed every other round, so that no variant always follows the same one.
  const rotated = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]!);
  const order = round % 2 === 1 ? rotated.reverse() : rotated;
  for (const v of order) {
    const f = await measure(v, sink.url);
    rps[v].push(f.rps);
    cpu[v].push(f.cpuUs);
  }
  loads.push(os.loadavg()[0]!);
  console.log(`round ${round + 1}: ${VARIANTS.map((v) => `${v} ${Math.round(rps[v].at(-1)!)} req/s ${cpu[v].at(-1)!.toFixed(1)} µs CPU/req`).join(', ')}`);
}
await sink.stop();

const m = Object.fromEntries(VARIANTS.map((v) => [v, median(rps[v])])) as Record<Variant, number>;
const c = Object.fromEntries(VARIANTS.map((v) => [v, median(cpu[v])])) as Record<Variant, number>;
const pct = (x: number) => `${((x / m.plain) * 100).toFixed(1)}%`;
// Requests/s a CPU-bound server could reach relative to plain: the inverse ratio of CPU per request.
const cpuPct = (v: Variant) => `${((c.plain / c[v]) * 100).toFixed(1)}%`;
console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}; ${ROUNDS} rounds × ${SECONDS} s, ${CONNECTIONS} connections; batch maxSize ${MAX_SIZE ?? 'default'}`);
// Each round's own ratio: runs next to each other share the machine's mood, so these are steadier.
const roundRatio = (v: Variant, xs: Record<Variant, number[]>, inverse = false) =>
  median(xs[v].map((x, i) => (inverse ? xs.plain[i]! / x : x / xs.plain[i]!))) * 100;
console.log(`load average (1 min) at the start and after each round: ${loads.map((x) => x.toFixed(1)).join(' ')}`);
console.log(`plain                     ${Math.round(m.plain)} req/s, ${c.plain.toFixed(1)} µs CPU/req (medians)`);
console.log(`+ tracking                ${Math.round(m.tracked)} req/s  ${pct(m.tracked)} of plain (target ≥ 95%); by CPU/req ${cpuPct('tracked')}`);
console.log(`+ tracking + rate limit   ${Math.round(m.limited)} req/s  ${pct(m.limited)} of plain (target ≥ 90%); by CPU/req ${cpuPct('limited')} (tallyApp)`);
for (const v of VARIANTS.filter((x) => x !== 'plain')) {
  console.log(`  ${v}: median of per-round ratios ${roundRatio(v, rps).toFixed(1)}% (req/s), ${roundRatio(v, cpu, true).toFixed(1)}% (CPU/req)`);
}
if (values.noop) {
  const what: Record<string, string> = {
    empty: 'an empty middleware', noop: 'trackApiCalls, events dropped', 'tracked-mw': 'trackApiCalls middleware, threaded batch',
    'tracked-inline': "trackApiCalls middleware, batch in the app's thread", 'limited-tally': 'tally({ tracking, rateLimit }), threaded batch',
    'limited-apart': 'tallyApp tracking + app.use(rateLimit()), threaded batch',
  };
  for (const v of REFERENCES) console.log(`+ ${what[v]!.padEnd(52)} ${Math.round(m[v])} req/s  ${pct(m[v])} of plain; by CPU/req ${cpuPct(v)}`);
}
