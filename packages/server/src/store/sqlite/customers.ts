import { ConflictError } from '../../errors/domain-error.js';
import { modeCode } from '../mode-code.js';
import { customerFromRow, type CustomerRow as Row } from '../rows.js';
import type { CustomerStore } from '../store.js';
import type { CustomerPatch, Mode } from '../types.js';
import type { SqliteDatabase } from './driver.js';
import { guard } from './guard.js';

type CustomerRow = Row<string>;

const toCustomer = (r: CustomerRow) => customerFromRow({ ...r, metadata: JSON.parse(r.metadata) });

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function sqliteCustomers(db: SqliteDatabase): CustomerStore {
  const insert = db.prepare(
    `INSERT INTO customers (mode, id, external_id, name, email, phone_number, metadata, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare('SELECT * FROM customers WHERE mode = ? AND id = ?');
  const save = db.prepare(
    `UPDATE customers SET external_id = ?, name = ?, email = ?, phone_number = ?, metadata = ?
     WHERE mode = ? AND id = ?`,
  );
  const write = (fn: () => void) => {
    try {
      guard(fn);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError('another customer already has this external_id');
      throw err;
    }
  };

  return {
    async create(c) {
      write(() => insert.run(modeCode(c.mode), c.id, c.externalId, c.name, c.email, c.phoneNumber, JSON.stringify(c.metadata), c.createdAt));
      return c;
    },
    async get(mode, id) {
      const row = guard(() => byId.get(modeCode(mode), id) as CustomerRow | undefined);
      return row && toCustomer(row);
    },
    async list(mode, q) {
      const where = ['mode = ?'];
      const params: unknown[] = [modeCode(mode)];
      if (q.email !== undefined) (where.push('email = ? COLLATE NOCASE'), params.push(q.email));
      if (q.name !== undefined) (where.push("instr(lower(name), lower(?)) > 0"), params.push(q.name));
      const sql = `SELECT * FROM customers WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`;
      return guard(() => (db.prepare(sql).all(...params, q.limit, q.offset) as CustomerRow[]).map(toCustomer));
    },
    async update(mode: Mode, id: string, patch: CustomerPatch) {
      const row = guard(() => byId.get(modeCode(mode), id) as CustomerRow | undefined);
      if (!row) return undefined;
      const next = { ...toCustomer(row), ...patch };
      write(() => save.run(next.externalId, next.name, next.email, next.phoneNumber, JSON.stringify(next.metadata), modeCode(mode), id));
      return next;
    },
    async findKnown(mode, ids) {
      if (ids.length === 0) return new Set();
      const known = new Set<string>();
      // json_each keeps this one statement whatever the number of IDs.
      const rows = guard(() => db.prepare(
        `SELECT id, external_id FROM customers WHERE mode = ?
           AND (id IN (SELECT value FROM json_each(?)) OR external_id IN (SELECT value FROM json_each(?)))`,
      ).all(modeCode(mode), JSON.stringify(ids), JSON.stringify(ids)) as { id: string; external_id: string | null }[]);
      const wanted = new Set(ids);
      for (const r of rows) {
        if (wanted.has(r.id)) known.add(r.id);
        if (r.external_id !== null && wanted.has(r.external_id)) known.add(r.external_id);
      }
      return known;
    },
  };
}
