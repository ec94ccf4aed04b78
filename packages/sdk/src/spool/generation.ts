import { open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { WireEvent } from '../client/wire-event.js';
import { readJsonLines } from './read-lines.js';

const SEGMENT = /^(\d+)\.(events|acks)$/;

export const jsonLine = (value: unknown) => `${JSON.stringify(value)}\n`;

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try { await fh.sync(); } finally { await fh.close(); }
}

export interface Recovery {
  /** Unresolved events, oldest first, each ID once. */
  events: WireEvent[];
  /** Generations found; the next one is the highest plus one. */
  generations: number[];
  skipped: number;
}

/** Reads every generation in `dir`: events minus those whose ID was acked. */
export async function recover(dir: string): Promise<Recovery> {
  const names = (await readdir(dir)).filter((n) => SEGMENT.test(n));
  const generations = [...new Set(names.map((n) => Number(SEGMENT.exec(n)![1])))].sort((a, b) => a - b);
  const all: WireEvent[] = [];
  const acked = new Set<string>();
  let skipped = 0;
  for (const g of generations) {
    const ev = await readJsonLines<WireEvent>(join(dir, `${g}.events`));
    const ak = await readJsonLines<string>(join(dir, `${g}.acks`));
    all.push(...ev.records);
    for (const id of ak.records) acked.add(id);
    skipped += ev.skipped + ak.skipped;
  }
  const seen = new Set<string>();
  const events = all.filter((e) => {
    if (typeof e?.event_id !== 'string' || acked.has(e.event_id) || seen.has(e.event_id)) return false;
    seen.add(e.event_id);
    return true;
  });
  return { events, generations, skipped };
}

/**
 * Writes `events` as generation `gen` (to a temp file, fsynced, renamed, the
 * directory fsynced) and opens its files for appending. Older generations
 * can be deleted once this returns.
 */
export async function startGeneration(dir: string, gen: number, events: WireEvent[]): Promise<[FileHandle, FileHandle]> {
  const tmp = join(dir, `${gen}.events.tmp`);
  const fh = await open(tmp, 'w');
  try {
    if (events.length > 0) await fh.writeFile(events.map(jsonLine).join(''));
    await fh.datasync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, `${gen}.events`));
  const acks = await open(join(dir, `${gen}.acks`), 'a');
  await syncDir(dir);
  return [await open(join(dir, `${gen}.events`), 'a'), acks];
}

export async function removeGeneration(dir: string, gen: number): Promise<void> {
  await unlink(join(dir, `${gen}.events`)).catch(() => undefined);
  await unlink(join(dir, `${gen}.acks`)).catch(() => undefined);
}
