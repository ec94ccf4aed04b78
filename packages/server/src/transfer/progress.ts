export interface Progress {
  /** `done` out of the total (bytes, say), and a short note such as counts. */
  update(done: number, note: string): void;
  finish(note: string): void;
}

const WIDTH = 30;
const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;

/**
 * A progress bar on a terminal, redrawn at most ten times a second; when the
 * stream is not a terminal (a log file, CI), a plain line every ten seconds.
 */
export function progressBar(out: NodeJS.WritableStream & { isTTY?: boolean }, total: number | undefined): Progress {
  const tty = out.isTTY === true;
  let last = 0;
  const started = Date.now();
  const line = (done: number, note: string) => {
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    if (!total) return `${note} · ${mb(done)} read · ${secs.toFixed(0)} s`;
    const frac = Math.min(done / total, 1);
    const filled = Math.round(frac * WIDTH);
    const eta = frac > 0 ? Math.round(secs / frac - secs) : 0;
    return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${mb(done)}/${mb(total)} · ${note} · ${eta} s left`;
  };
  return {
    update(done, note) {
      const now = Date.now();
      if (now - last < (tty ? 100 : 10_000)) return;
      last = now;
      out.write(tty ? `\r${line(done, note)}\x1b[K` : `${line(done, note)}\n`);
    },
    finish(note) {
      if (tty && last > 0) out.write(`\r${line(total ?? 0, note)}\x1b[K\n`);
    },
  };
}
