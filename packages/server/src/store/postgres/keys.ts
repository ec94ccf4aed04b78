import { modeCode } from '../mode-code.js';
import { KEY_COLUMNS, keyFromRow, type KeyRow } from '../rows.js';
import type { KeyStore } from '../store.js';
import type { PgPool } from './driver.js';
import { guard } from './guard.js';

const COLUMNS = KEY_COLUMNS;
const toKey = keyFromRow;

export function postgresKeys(pool: PgPool): KeyStore {
  return {
    async create(k) {
      await guard(() => pool.query(
        'INSERT INTO api_keys (id, mode, name, read_only, prefix, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [k.id, modeCode(k.mode), k.name, k.readOnly, k.prefix, k.hash, k.createdAt],
      ));
    },
    async findByHash(hash) {
      const rows = await guard(() => pool.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE hash = $1`, [hash]));
      return rows[0] && toKey(rows[0]);
    },
    async list() {
      return (await guard(() => pool.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at DESC, id`))).map(toKey);
    },
    async revoke(id, at) {
      // The first revocation time stands; revoking again changes nothing.
      const rows = await guard(() => pool.query<KeyRow>(
        `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 RETURNING ${COLUMNS}`,
        [at, id],
      ));
      return rows[0] && toKey(rows[0]);
    },
  };
}
