import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { openStore } from '../store/open-store.js';
import { exportRecords, type ExportCounts } from '../transfer/export-data.js';

const FLAGS = { db: { type: 'string' }, out: { type: 'string' } } as const;

/** tally export [--db URL] [--out FILE|-]: writes every customer and event as NDJSON. */
export async function exportCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: FLAGS, strict: true });
  const config = loadConfig({ db: values.db });
  const path = values.out ?? '-';
  const out = path === '-' ? process.stdout : createWriteStream(path);
  const store = await openStore({ url: config.databaseUrl, poolSize: 2 });
  const counts: ExportCounts = {};
  try {
    let chunk = '';
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    for await (const record of exportRecords(store, counts)) {
      chunk += `${JSON.stringify(record)}\n`;
      if (chunk.length > 1 << 20) (await write(chunk), (chunk = ''));
    }
    await write(chunk);
  } finally {
    await store.close();
  }
  if (out !== process.stdout) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const written = Object.entries(counts).map(([type, n]) => `${n} ${type}${n === 1 ? '' : 's'}`);
  console.error(`exported ${written.join(', ') || 'nothing'}`);
}
