import { parseTimestamp } from '@tally/core';
import type { Store } from '../store/store.js';
import type { Mode } from '../store/types.js';

const isStringMap = (v: unknown): v is Record<string, string> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/**
 * Creates the customer a record describes, keeping its ID and creation time,
 * unless one with that ID already exists (a re-import). Returns whether it
 * created one; throws TypeError for a malformed record, ConflictError when
 * another customer holds its external_id.
 */
export async function importCustomer(store: Store, mode: Mode, rec: Record<string, unknown>): Promise<boolean> {
  const str = (k: string) => (typeof rec[k] === 'string' && rec[k] !== '' ? (rec[k] as string) : undefined);
  const optional = (k: string) => (rec[k] === null || rec[k] === undefined ? null : str(k) ?? bad(k));
  const bad = (k: string): never => {
    throw new TypeError(`${k} is missing or not a string`);
  };
  const id = str('customer_id') ?? bad('customer_id');
  const createdAt = parseTimestamp(String(rec.created_at));
  if (createdAt === undefined) throw new TypeError('created_at must be an RFC 3339 date-time');
  const metadata = rec.metadata ?? {};
  if (!isStringMap(metadata)) throw new TypeError('metadata must be an object of strings');
  if (await store.customers.get(mode, id)) return false;
  await store.customers.create({
    id,
    mode,
    externalId: optional('external_id'),
    name: str('name') ?? bad('name'),
    email: str('email') ?? bad('email'),
    phoneNumber: optional('phone_number'),
    metadata,
    createdAt,
  });
  return true;
}
