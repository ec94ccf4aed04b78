import { ConflictError } from '../../errors/domain-error.js';
import { modeCode } from '../mode-code.js';
import { customerFromRow, type CustomerRow } from '../rows.js';
import type { CustomerStore } from '../store.js';
import type { CustomerPatch, Mode } from '../types.js';
import type { PgPool } from './driver.js';
import { guard } from './guard.js';

const toCustomer = customerFromRow;

const COLUMNS = 'mode, id, external_id, name, email, phone_number, metadata, created_at';

async function write<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await guard(fn);
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new ConflictError('another customer already has this external_id');
    throw err;
  }
}

export function postgresCustomers(pool: PgPool): CustomerStore {
  return {
    async create(c) {
      await write(() => pool.query(
        `INSERT INTO customers (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8)`,
        [modeCode(c.mode), c.id, c.externalId, c.name, c.email, c.phoneNumber, JSON.stringify(c.metadata), c.createdAt],
      ));
      return c;
    },
    async get(mode, id) {
      const rows = await guard(() => pool.query<CustomerRow>(`SELECT ${COLUMNS} FROM customers WHERE mode = $1 AND id = $2`, [modeCode(mode), id]));
      return rows[0] && toCustomer(rows[0]);
    },
    async list(mode, q) {
      const where = ['mode = $1'];
      const params: unknown[] = [modeCode(mode)];
      // Case-insensitive, as the SQLite store (lower() here is Unicode-aware).
      if (q.email !== undefined) (params.push(q.email), where.push(`lower(email) = lower($${params.length})`));
      if (q.name !== undefined) (params.push(q.name), where.push(`strpos(lower(name), lower($${params.length})) > 0`));
      const sql = `SELECT ${COLUMNS} FROM customers WHERE ${where.join(' AND ')}
        ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
      return (await guard(() => pool.query<CustomerRow>(sql, [...params, q.limit, q.offset]))).map(toCustomer);
    },
    async update(mode: Mode, id: string, patch: CustomerPatch) {
      const current = await this.get(mode, id);
      if (!current) return undefined;
      const next = { ...current, ...patch };
      await write(() => pool.query(
        `UPDATE customers SET external_id = $1, name = $2, email = $3, phone_number = $4, metadata = $5::text::jsonb
         WHERE mode = $6 AND id = $7`,
        [next.externalId, next.name, next.email, next.phoneNumber, JSON.stringify(next.metadata), modeCode(mode), id],
      ));
      return next;
    },
    async findKnown(mode, ids) {
      if (ids.length === 0) return new Set();
      const rows = await guard(() => pool.query<{ id: string; external_id: string | null }>(
        `SELECT id, external_id FROM customers WHERE mode = $1 AND (id = ANY($2::text[]) OR external_id = ANY($2::text[]))`,
        [modeCode(mode), ids],
      ));
      const wanted = new Set(ids);
      const known = new Set<string>();
      for (const r of rows) {
        if (wanted.has(r.id)) known.add(r.id);
        if (r.external_id !== null && wanted.has(r.external_id)) known.add(r.external_id);
      }
      return known;
    },
  };
}
