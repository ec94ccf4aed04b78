/**
 * Instructions per API-call event through a threaded batch's doors, under
 * valgrind (callgrind): on the thread that calls the door (the app's, which
 * bounds its request rate) and in all threads (the batch's worker and V8's
 * helpers included). Unlike instructions.ts, whose app serves a few hundred
 * requests a second under valgrind and so hands its worker a few events at a
 * time, this hands over 256 at a time, as a busy gateway does. Each mode runs
 * twice, with `--small` and `--large` events; the difference over the extra
 * events leaves out start-up and shut-down. Slow (about a minute per mode).
 *   npx tsx bench/gateway/door-instructions.ts [-- --modes none,call,add --small 20000 --large 100000 --dist packages/sdk/dist]
 * --dist measures another build, e.g. a worktree of an older commit (mode
 * checked-v1 for builds before b64340e); see door-loop.mjs for the modes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { modes: { type: 'string' }, small: { type: 'string' }, large: { type: 'string' }, dist: { type: 'string' } } });
const MODES = (values.modes ?? 'none,call,add').split(',');
const SMALL = Number(values.small ?? 20_000);
const LARGE = Number(values.large ?? 100_000);
const here = (file: string) => new URL(file, import.meta.url).pathname;
const dist = values.dist ? resolve(values.dist) : here('../../packages/sdk/dist');
const dir = mkdtempSync(join(tmpdir(), 'tally-door-'));

/** Instructions by thread of one run: the first is the thread that calls the door. */
function run(mode: string, events: number, sinkUrl: string): { caller: number; all: number } {
  const out = join(dir, `${mode}.${events}`);
  execFileSync('valgrind', [
    '--tool=callgrind', '--separate-threads=yes', '--cache-sim=no', '--branch-sim=no', '--smc-check=all-non-file', `--callgrind-out-file=${out}.%p`,
    process.execPath, here('./door-loop.mjs'), dist, mode, String(events), sinkUrl,
  ], { stdio: 'ignore' });
  let caller = 0;
  let all = 0;
  for (const f of readdirSync(dir).filter((name) => name.startsWith(`${mode}.${events}.`))) {
    const total = Number(/^(?:totals|summary): (\d+)/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1] ?? 0);
    all += total;
    if (f.endsWith('-01')) caller = total;
  }
  return { caller, all };
}

if (!values.dist) {
  console.log('building @tally/sdk …');
  execFileSync('npm', ['run', 'build', '-w', '@tally/sdk'], { stdio: 'ignore' });
}
const sink = spawn(process.execPath, ['--import', 'tsx', here('./sink.ts')], { stdio: ['ignore', 'pipe', 'ignore'] });
const sinkUrl = await new Promise<string>((ok) => sink.stdout!.once('data', (d: Buffer) => ok(d.toString().trim())));
const rows: Array<[string, { caller: number; all: number }]> = [];
for (const mode of MODES) {
  const a = run(mode, SMALL, sinkUrl);
  const b = run(mode, LARGE, sinkUrl);
  const per = { caller: (b.caller - a.caller) / (LARGE - SMALL), all: (b.all - a.all) / (LARGE - SMALL) };
  rows.push([mode, per]);
  console.log(`${mode}: ${Math.round(per.caller)} instructions/event in the calling thread, ${Math.round(per.all)} in all threads`);
}
sink.kill('SIGTERM');
const none = rows.find(([m]) => m === 'none')?.[1];
console.log(`\n${dist}; ${LARGE - SMALL} events counted (${LARGE} less ${SMALL}), 256 per hand-over; instructions per event${none ? ', less the loop alone (none)' : ''}`);
for (const [mode, r] of rows) {
  if (mode === 'none') continue;
  console.log(`${mode.padEnd(12)} calling thread ${Math.round(r.caller - (none?.caller ?? 0))}, all threads ${Math.round(r.all - (none?.all ?? 0))}`);
}
