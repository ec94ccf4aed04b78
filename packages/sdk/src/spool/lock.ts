import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError } from '../client/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the spool directory for this process. Two writers would resend each
 * other's events and compact each other's files away, so a live owner is an
 * error; a lock left by a crashed process is taken over.
 */
export async function lockDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx');
      await fh.writeFile(String(process.pid));
      await fh.close();
      return () => unlink(path).catch(() => undefined);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (owner && alive(owner)) {
        throw new ConfigurationError(`The spool ${dir} is in use by process ${owner}${owner === process.pid ? ' (this one)' : ''}.`);
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new ConfigurationError(`Could not lock the spool ${dir}.`);
}
