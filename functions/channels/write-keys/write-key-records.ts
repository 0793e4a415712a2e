/** What the write-key use cases share: new ids, the public record, and the key a route names. */
import { randomBytes } from 'node:crypto';
import type { WriteKey, WriteKeyWithSecret } from '#schemas/channels/write-key.ts';
import { NotFound } from '#shared/errors.ts';
import type { StoredWriteKey } from '../domain/write-keys.ts';
import { getWriteKey } from '../store/write-keys-store.ts';

export const newKeyId = () =>
  `wk-${randomBytes(9)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, '0')}`;

/** The public record: never the hash, never the secret. */
export const publicKey = ({ keyHash: _hash, ...key }: StoredWriteKey): WriteKey => key;

/** A new key with its secret, shown this once. */
export const withSecret = (key: StoredWriteKey, secret: string): WriteKeyWithSecret => ({
  ...publicKey(key),
  key: secret,
});

export const existingKey = async (id: string): Promise<StoredWriteKey> => {
  const key = await getWriteKey(id);
  if (!key) throw new NotFound('This write key');
  return key;
};
