/**
 * Write keys: how a channel (the bank's website, its apps, branch tablets, the contact centre)
 * authenticates when it posts events. Stored hashed; shown once; rotatable with a grace period;
 * revocable.
 */

import { Id, IsoDateTime } from '../common.ts';
import * as z from '../zod.ts';

export const Channel = z.enum(['web', 'ios', 'android', 'branch_tablet', 'contact_centre']);
export type Channel = z.infer<typeof Channel>;

export const WriteKey = z
  .object({
    id: Id,
    channel: Channel,
    label: z.string().check(z.minLength(1), z.maxLength(80)),
    /** The first characters of the key, to tell keys apart; never the key. */
    keyPrefix: z.string(),
    status: z.enum(['active', 'rotated', 'revoked']),
    createdAt: IsoDateTime,
    createdBy: z.string(),
    /** A rotated key keeps working until then, so apps can be updated. */
    validUntil: z.optional(IsoDateTime),
    revokedAt: z.optional(IsoDateTime),
    /** The key that replaced this one when it was rotated. */
    replacedBy: z.optional(Id),
  })
  .register(z.globalRegistry, { id: 'WriteKey' });
export type WriteKey = z.infer<typeof WriteKey>;

/** Who posts on a write-key route: the key, once authenticated, and its channel. */
export type WriteKeyCaller = { id: string; channel: Channel };

/** A new key, with its secret: the only time the secret is shown. */
export const WriteKeyWithSecret = z
  .extend(WriteKey, { key: z.string() })
  .register(z.globalRegistry, { id: 'WriteKeyWithSecret' });
export type WriteKeyWithSecret = z.infer<typeof WriteKeyWithSecret>;

export const CreateWriteKeyRequest = z
  .strictObject({ channel: Channel, label: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)) })
  .register(z.globalRegistry, { id: 'CreateWriteKeyRequest' });

export const RotateWriteKeyRequest = z
  .strictObject({
    graceHours: z
      ._default(z.number().check(z.int(), z.minimum(0), z.maximum(720)), 24)
      .check(z.describe('How long the old key keeps working.')),
  })
  .register(z.globalRegistry, { id: 'RotateWriteKeyRequest' });
