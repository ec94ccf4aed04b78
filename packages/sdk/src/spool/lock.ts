import { open, readFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../client/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Directories this process holds: its own PID in a lock file proves nothing else. */
const held = new Set<string>();

/**
 * Takes the spool directory for this process. Two writers would resend each
 * other's events and compact each other's files away, so a live owner is an
 * error; a lock left by a crashed process is taken over — including one
 * bearing this process's PID, as after a container restart where the app is
 * PID 1 again.
 */
export async function lockDir(dir: string): Promise<() => Promise<void>> {
  const key = resolve(dir);
  if (held.has(key)) throw new ConfigurationError(`The spool ${dir} is already open in this process.`);
  held.add(key); // before any await, so a concurrent open in this process sees it
  try {
    return await takeLockFile(dir, key);
  } catch (err) {
    held.delete(key);
    throw err;
  }
}

async function takeLockFile(dir: string, key: string): Promise<() => Promise<void>> {
  const path = join(dir, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx');
      await fh.writeFile(String(process.pid));
      await fh.close();
      return async () => {
        held.delete(key);
        await unlink(path).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (owner && owner !== process.pid && alive(owner)) {
        throw new ConfigurationError(`The spool ${dir} is in use by process ${owner}.`);
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new ConfigurationError(`Could not lock the spool ${dir}.`);
}
