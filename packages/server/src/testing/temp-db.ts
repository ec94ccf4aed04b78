import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for a test database, and a way to remove it. */
export function tempDbPath(name = 'tally.db'): { path: string; dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tally-test-'));
  return { dir, path: join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
