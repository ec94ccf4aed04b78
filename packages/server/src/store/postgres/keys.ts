import { modeCode, modeOf } from '../mode-code.js';
import type { KeyStore } from '../store.js';
import type { ApiKey } from '../types.js';
import type { PgPool } from './driver.js';
import { guard } from './guard.js';

interface KeyRow {
  id: string;
  mode: number;
  name: string;
  read_only: boolean;
  prefix: string;
  created_at: number;
  revoked_at: number | null;
}

const COLUMNS = 'id, mode, name, read_only, prefix, created_at, revoked_at';

const toKey = (r: KeyRow): ApiKey => ({
  id: r.id,
  mode: modeOf(r.mode),
  name: r.name,
  readOnly: r.read_only,
  prefix: r.prefix,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

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
