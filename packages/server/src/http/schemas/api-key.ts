import { Type } from 'typebox';
import type { ApiKey } from '../../store/types.js';

const Timestamp = Type.String({ format: 'date-time' });

/** An API key as the API shows it: never its secret or hash. */
export const ApiKeyBody = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mode: Type.Union([Type.Literal('test_mode'), Type.Literal('live_mode')]),
  read_only: Type.Boolean(),
  prefix: Type.String({ description: 'the first characters of the secret' }),
  created_at: Timestamp,
  revoked_at: Type.Union([Timestamp, Type.Null()]),
  current: Type.Boolean({ description: 'true for the key that made this request' }),
});

export function toWireApiKey(k: ApiKey, currentId: string) {
  return {
    id: k.id,
    name: k.name,
    mode: k.mode,
    read_only: k.readOnly,
    prefix: k.prefix,
    created_at: new Date(k.createdAt).toISOString(),
    revoked_at: k.revokedAt === null ? null : new Date(k.revokedAt).toISOString(),
    current: k.id === currentId,
  };
}
