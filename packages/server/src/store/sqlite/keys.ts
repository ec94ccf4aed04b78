import { modeCode, modeOf } from '../mode-code.js';
import type { KeyStore } from '../store.js';
import type { ApiKey } from '../types.js';
import type { SqliteDatabase } from './driver.js';
import { guard } from './guard.js';

interface KeyRow {
  id: string;
  mode: number;
  name: string;
  read_only: number;
  prefix: string;
  created_at: number;
  revoked_at: number | null;
}

const COLUMNS = 'id, mode, name, read_only, prefix, created_at, revoked_at';

const toKey = (r: KeyRow): ApiKey => ({
  id: r.id,
  mode: modeOf(r.mode),
  name: r.name,
  readOnly: r.read_only === 1,
  prefix: r.prefix,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

export function sqliteKeys(db: SqliteDatabase): KeyStore {
  const insert = db.prepare(
    'INSERT INTO api_keys (id, mode, name, read_only, prefix, hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const byHash = db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE hash = ?`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE id = ?`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at DESC, id`);
  const revoke = db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');

  return {
    async create(k) {
      guard(() => insert.run(k.id, modeCode(k.mode), k.name, k.readOnly ? 1 : 0, k.prefix, k.hash, k.createdAt));
    },
    async findByHash(hash) {
      const row = guard(() => byHash.get(hash) as KeyRow | undefined);
      return row && toKey(row);
    },
    async list() {
      return guard(() => (all.all() as KeyRow[]).map(toKey));
    },
    async revoke(id, at) {
      return guard(() => {
        revoke.run(at, id);
        const row = byId.get(id) as KeyRow | undefined;
        return row && toKey(row);
      });
    },
  };
}
