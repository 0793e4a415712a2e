/** A new write key for a channel; its secret is answered this once and only its hash is kept. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { newWriteKey, newWriteKeySecret } from '../domain/write-keys.ts';
import { insertWriteKey } from '../store/write-keys-store.ts';
import { newKeyId, withSecret } from './write-key-records.ts';

export const createWriteKey: RouteHandler<Route<'createWriteKey'>> = async ({ body, caller }) => {
  const secret = newWriteKeySecret(body.channel);
  const key = newWriteKey(
    { id: newKeyId(), channel: body.channel, label: body.label, secret },
    caller.id,
    new Date(),
  );
  await insertWriteKey(key);
  return withSecret(key, secret);
};
