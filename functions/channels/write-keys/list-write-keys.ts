/** The channels' write keys, without their hashes or secrets. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { listWriteKeys as storedWriteKeys } from '../store/write-keys-store.ts';
import { publicKey } from './write-key-records.ts';

export const listWriteKeys: RouteHandler<Route<'listWriteKeys'>> = async () => ({
  items: (await storedWriteKeys()).map(publicKey),
});
