import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./fixtures/batch-child.ts', import.meta.url));

export interface Child {
  proc: ChildProcess;
  lines: string[];
  /** Resolves with the first output line that passes `test`. */
  waitFor(test: (line: string) => boolean): Promise<string>;
  exited: Promise<number | null>;
}

/** Runs test/fixtures/batch-child.ts from source in a separate Node process. */
export function runChild(args: string[]): Child {
  const proc = spawn(process.execPath, ['--conditions=tally-source', '--import', 'tsx', SCRIPT, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const watchers: Array<{ test: (l: string) => boolean; resolve: (l: string) => void }> = [];
  let rest = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of watchers.filter((w) => w.test(line))) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    lines,
    exited,
    waitFor: (test) => {
      const seen = lines.find(test);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        watchers.push({ test, resolve });
        void exited.then((code) => reject(new Error(`child exited (${code}) before the line came; got: ${lines.join(' | ')}`)));
      });
    },
  };
}
