import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { KeyService } from '../services/key-service.js';
import { openStore } from '../store/open-store.js';
import { MODES, type Mode } from '../store/types.js';

const KEY_FLAGS = {
  db: { type: 'string' },
  mode: { type: 'string' },
  name: { type: 'string' },
  'read-only': { type: 'boolean' },
} as const;

export async function keysCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: KEY_FLAGS, allowPositionals: true, strict: true });
  const [action, id] = positionals;
  const config = loadConfig({ db: values.db });
  const store = await openStore({ url: config.databaseUrl, poolSize: 1 });
  const keys = new KeyService(store);
  try {
    if (action === 'create') {
      const mode = values.mode as Mode;
      if (!MODES.includes(mode)) throw usage('keys create needs --mode test_mode or --mode live_mode');
      const { key, secret } = await keys.create({ mode, name: values.name, readOnly: values['read-only'] });
      console.error(`created ${key.id} (${key.mode}${key.readOnly ? ', read-only' : ''}). The secret is shown once:`);
      console.log(secret);
    } else if (action === 'list') {
      for (const k of await keys.list()) {
        const state = k.revokedAt ? `revoked ${new Date(k.revokedAt).toISOString()}` : 'active';
        console.log([k.id, k.mode, k.readOnly ? 'read-only' : 'read-write', `${k.prefix}…`, state, k.name].join('\t'));
      }
    } else if (action === 'revoke') {
      if (!id) throw usage('keys revoke needs a key ID (see tally keys list)');
      const k = await keys.revoke(id);
      if (!k) throw usage(`no API key ${id}`);
      console.log(`revoked ${k.id}`);
    } else {
      throw usage('keys takes create, list or revoke');
    }
  } finally {
    await store.close();
  }
}

function usage(message: string): Error {
  return Object.assign(new Error(message), { code: 'ERR_PARSE_ARGS_USAGE' });
}
