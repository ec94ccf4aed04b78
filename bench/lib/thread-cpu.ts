import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** CPU time (µs) of each thread of a process, by thread id; empty where /proc is missing. */
export function threadCpu(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  const dir = `/proc/${pid}/task`;
  if (!existsSync(dir)) return out;
  const tick = 1e6 / 100; // USER_HZ is 100 on Linux
  for (const tid of readdirSync(dir)) {
    try {
      const stat = readFileSync(`${dir}/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(f[11]) + Number(f[12])) * tick);
    } catch {
      // the thread ended
    }
  }
  return out;
}

/**
 * CPU per event between two readings: the main thread (tid = pid), the
 * busiest other thread (the SQLite writer thread) and all the rest (V8's GC
 * helpers, libuv). A figure that load from other processes moves far less
 * than throughput does.
 */
export function cpuPerEvent(pid: number, before: Map<number, number>, after: Map<number, number>, events: number) {
  const used = [...after].map(([tid, us]) => [tid, us - (before.get(tid) ?? 0)] as const);
  const main = used.find(([tid]) => tid === pid)?.[1] ?? 0;
  const others = used.filter(([tid]) => tid !== pid).map(([, us]) => us).sort((a, b) => b - a);
  const per = (us: number) => Number((us / events).toFixed(2));
  return { main: per(main), writer: per(others[0] ?? 0), rest: per(others.slice(1).reduce((s, x) => s + x, 0)), cores: os.cpus().length };
}
