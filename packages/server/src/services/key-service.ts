import { createHash, randomBytes } from 'node:crypto';
import { newId } from '@tally/core';
import { UnauthorizedError } from '../errors/domain-error.js';
import type { Store } from '../store/store.js';
import type { ApiKey, Mode } from '../store/types.js';

const SECRET_PREFIX: Record<Mode, string> = { test_mode: 'tly_test_', live_mode: 'tly_live_' };
// Keys are random and long, so one fast hash is enough (no salt, no KDF needed).
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export interface CreatedKey {
  key: ApiKey;
  /** Shown once; only its hash is stored. */
  secret: string;
}

export interface KeyServiceOptions {
  /** How long a looked-up key is trusted before the store is asked again. */
  cacheTtlMs?: number;
}

export class KeyService {
  private readonly cache = new Map<string, { key: ApiKey | undefined; until: number }>();
  private readonly ttl: number;

  constructor(private readonly store: Store, opts: KeyServiceOptions = {}) {
    this.ttl = opts.cacheTtlMs ?? 5_000;
  }

  async create(input: { mode: Mode; name?: string; readOnly?: boolean }): Promise<CreatedKey> {
    const secret = SECRET_PREFIX[input.mode] + randomBytes(24).toString('base64url');
    const key: ApiKey = {
      id: newId('key'),
      mode: input.mode,
      name: input.name ?? '',
      readOnly: input.readOnly ?? false,
      prefix: secret.slice(0, SECRET_PREFIX[input.mode].length + 4),
      createdAt: Date.now(),
      revokedAt: null,
    };
    await this.store.keys.create({ ...key, hash: hashSecret(secret) });
    return { key, secret };
  }

  list(): Promise<ApiKey[]> {
    return this.store.keys.list();
  }

  async revoke(id: string): Promise<ApiKey | undefined> {
    const key = await this.store.keys.revoke(id, Date.now());
    this.cache.clear();
    return key;
  }

  /** The live key a bearer secret names; throws UnauthorizedError otherwise. */
  async authenticate(secret: string | undefined): Promise<ApiKey> {
    if (!secret) throw new UnauthorizedError('missing API key: send Authorization: Bearer <key>');
    const hash = hashSecret(secret);
    const now = Date.now();
    let hit = this.cache.get(hash);
    if (!hit || hit.until < now) {
      hit = { key: await this.store.keys.findByHash(hash), until: now + this.ttl };
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(hash, hit);
    }
    if (!hit.key) throw new UnauthorizedError('invalid API key');
    if (hit.key.revokedAt !== null) throw new UnauthorizedError('this API key has been revoked');
    return hit.key;
  }
}
