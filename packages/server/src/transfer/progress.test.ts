import { describe, expect, it } from 'vitest';
import { progressBar } from './progress.js';

const sink = (isTTY: boolean) => {
  const out: string[] = [];
  return { out, stream: Object.assign({ write: (s: string) => out.push(s) > 0, isTTY }) as unknown as NodeJS.WritableStream & { isTTY: boolean } };
};

describe('progress bar', () => {
  it('draws a bar with percentage and byte counts on a terminal, then a final line', () => {
    const { out, stream } = sink(true);
    const bar = progressBar(stream, 4 * 1_048_576);
    bar.update(1_048_576, '10 events');
    bar.finish('40 events');
    expect(out[0]).toMatch(/^\r\[#{8}-{22}\]  25% 1\.0 MB\/4\.0 MB · 10 events · \d+ s left\x1b\[K$/);
    expect(out[1]).toMatch(/^\r\[#{30}\] 100% .* 40 events .*\n$/);
  });

  it('writes nothing bar-like when stderr is not a terminal, beyond a periodic plain line', () => {
    const { out, stream } = sink(false);
    const bar = progressBar(stream, 100);
    bar.update(50, 'x');
    bar.update(60, 'y');
    bar.finish('z');
    expect(out).toHaveLength(1);
    expect(out[0]).not.toContain('\r');
  });
});
