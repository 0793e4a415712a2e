/** A replacement key for the same channel; the old one keeps working for the grace period. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { newWriteKey, newWriteKeySecret, rotated } from '../domain/write-keys.ts';
import { replaceWriteKey } from '../store/write-keys-store.ts';
import { existingKey, newKeyId, withSecret } from './write-key-records.ts';

export const rotateWriteKey: RouteHandler<Route<'rotateWriteKey'>> = async ({ params, body, caller }) => {
  const current = await existingKey(params.keyId);
  const now = new Date();
  const secret = newWriteKeySecret(current.channel);
  const replacement = newWriteKey(
    { id: newKeyId(), channel: current.channel, label: current.label, secret },
    caller.id,
    now,
  );
  await replaceWriteKey(current, rotated(current, replacement.id, body.graceHours, now), replacement);
  return withSecret(replacement, secret);
};
