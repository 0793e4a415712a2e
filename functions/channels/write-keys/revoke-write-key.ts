/** Revokes a write key at once (revoking it again changes nothing). */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { revoked } from '../domain/write-keys.ts';
import { replaceWriteKey } from '../store/write-keys-store.ts';
import { existingKey } from './write-key-records.ts';

export const revokeWriteKey: RouteHandler<Route<'revokeWriteKey'>> = async ({ params }) => {
  const current = await existingKey(params.keyId);
  if (current.status !== 'revoked') await replaceWriteKey(current, revoked(current, new Date()));
};
