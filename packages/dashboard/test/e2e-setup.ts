import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(import.meta.dirname, '../dist/index.html');

/** The server serves the built UI: build it once when a test run finds none. */
export function ensureBuilt(): void {
  if (existsSync(DIST)) return;
  execFileSync('npm', ['run', 'build', '-w', 'packages/dashboard'], { cwd: join(import.meta.dirname, '../../..'), stdio: 'inherit' });
}
