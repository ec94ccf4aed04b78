import { modeCode } from '../mode-code.js';
import { KEY_COLUMNS, keyFromRow, type KeyRow as Row } from '../rows.js';
import type { KeyStore } from '../store.js';
import type { SqliteDatabase } from './driver.js';
import { guard } from './guard.js';

type KeyRow = Row<number>;
const COLUMNS = KEY_COLUMNS;
const toKey = (r: KeyRow) => keyFromRow({ ...r, read_only: r.read_only === 1 });

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
