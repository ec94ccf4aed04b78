/**
 * Instructions per request of the gateway app's variants under valgrind
 * (callgrind): a count that other work on the machine cannot skew, unlike
 * requests/s and CPU time. Each app gets `--warm` requests first (JIT, caches),
 * then `--requests` counted ones, 8 at a time over keep-alive. Reported whole
 * and without V8's compiler (tiering up during the count is warm-up, not cost
 * per request). The count must be long: with 3000, whether one major GC (about
 * 20,000 instructions per request's worth) fell inside the window moved the
 * tracked variant by ±4%. Slow (about 2 min per variant); needs valgrind.
 * Counted per thread too: with the batch's worker (thread: true), what the
 * thread that answers requests pays is the figure that bounds its rate.
 *   npx tsx bench/gateway/instructions.ts [-- --variants plain,empty,noop,tracked,limited,tracked-inline --warm 3000 --requests 12000 --max-size 1000]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { variants: { type: 'string' }, warm: { type: 'string' }, requests: { type: 'string' }, 'max-size': { type: 'string' } },
});
const VARIANTS = (values.variants ?? 'plain,empty,noop,tracked,limited,tracked-inline').split(',');
const WARM = Number(values.warm ?? 3000);
const REQUESTS = Number(values.requests ?? 12_000);
const here = (file: string) => new URL(file, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tally-callgrind-'));

async function load(url: string, n: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const one = () =>
    new Promise<void>((resolve, reject) => {
      get(`${url}/hello/world`, { agent, headers: { 'x-customer': 'cus_bench' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).on('error', reject);
    });
  let sent = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (sent++ < n) await one();
  }));
  agent.destroy();
}

/** Instructions counted in a callgrind dump: all, and those in V8's compilers. */
function count(file: string): { all: number; compiling: number } {
  const text = execFileSync('callgrind_annotate', ['--inclusive=no', '--threshold=100', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  let all = 0;
  let compiling = 0;
  for (const line of text.split('\n')) {
    const m = /^\s*([\d,]+)\s+\([^)]*\)\s+(.*)$/.exec(line);
    if (!m || m[2]!.includes('PROGRAM TOTALS')) continue;
    const n = Number(m[1]!.replaceAll(',', ''));
    all += n;
    if (/compiler::|maglev|Parser|Compile|[Bb]ytecode/.test(m[2]!)) compiling += n;
  }
  return { all, compiling };
}

interface Counted {
  /** Every thread: V8's helpers and the batch's worker (thread: true) included. */
  all: number;
  compiling: number;
  /** The thread that answers requests alone. */
  main: number;
  mainCompiling: number;
}

async function measure(variant: string, sinkUrl: string): Promise<Counted> {
  const out = join(dir, `${variant}.%p`);
  const app = spawn('valgrind', [
    '--tool=callgrind', '--separate-threads=yes', '--instr-atstart=no', '--cache-sim=no', '--branch-sim=no', '--smc-check=all-non-file', `--callgrind-out-file=${out}`,
    process.execPath, here('./app.mjs'), variant, sinkUrl, ...(values['max-size'] ? [values['max-size']] : []),
  ], { stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise<string>((resolve) => app.stdout!.on('data', (d: Buffer) => {
    const m = /http:\/\/[\d.]+:\d+/.exec(d.toString());
    if (m) resolve(m[0]);
  }));
  const control = (...args: string[]) => execFileSync('callgrind_control', [...args, String(app.pid)], { stdio: 'ignore' });
  await load(url, WARM);
  control('-i', 'on');
  await load(url, 200);
  control('-z');
  await load(url, REQUESTS);
  control('-i', 'off');
  control('-d');
  await new Promise((resolve) => (app.once('exit', resolve), app.kill('SIGTERM')));
  // The dump asked for above: one file per thread (.1-01, .1-02, …); thread 01 answers the requests.
  const files = readdirSync(dir).filter((f) => f.startsWith(`${variant}.${app.pid}.`));
  if (files.length === 0) throw new Error(`${variant}: no callgrind dump`);
  const r: Counted = { all: 0, compiling: 0, main: 0, mainCompiling: 0 };
  for (const f of files) {
    const c = count(join(dir, f));
    r.all += c.all / REQUESTS;
    r.compiling += c.compiling / REQUESTS;
    if (f.endsWith('-01')) {
      r.main += c.all / REQUESTS;
      r.mainCompiling += c.compiling / REQUESTS;
    }
  }
  return r;
}

console.log('building @tally/sdk …');
execFileSync('npm', ['run', 'build', '-w', '@tally/sdk'], { stdio: 'ignore' });
const sink = spawn(process.execPath, ['--import', 'tsx', here('./sink.ts')], { stdio: ['ignore', 'pipe', 'ignore'] });
const sinkUrl = await new Promise<string>((resolve) => sink.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
const rows: Array<[string, Counted]> = [];
for (const v of VARIANTS) {
  const r = await measure(v, sinkUrl);
  rows.push([v, r]);
  console.log(`${v}: ${Math.round(r.all - r.compiling)} instructions/request without V8's compiler (${Math.round(r.main - r.mainCompiling)} in the request thread)`);
}
sink.kill('SIGTERM');
const base = rows.find(([v]) => v === 'plain')?.[1];
if (base) {
  const pct = (b: number, x: number) => `${((b / x) * 100).toFixed(1)}%`;
  console.log(`\n${WARM} warm-up + ${REQUESTS} counted requests per variant; batch maxSize ${values['max-size'] ?? 'default'}; instructions per request without V8's compiler, and the rate vs plain they imply`);
  for (const [v, r] of rows) {
    const lean = r.all - r.compiling;
    const main = r.main - r.mainCompiling;
    console.log(`${v.padEnd(15)} all threads ${Math.round(lean)} (${pct(base.all - base.compiling, lean)}), request thread ${Math.round(main)} (${pct(base.main - base.mainCompiling, main)}); with compiling ${Math.round(r.all)}`);
  }
}
