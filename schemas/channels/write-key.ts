/**
 * Write keys: how a channel (the bank's website, its apps, branch tablets, the contact centre)
 * authenticates when it posts events. Stored hashed; shown once; rotatable with a grace period;
 * revocable.
 */
import * as z from 'zod';
import { Id, IsoDateTime } from '../common.ts';

export const Channel = z.enum(['web', 'ios', 'android', 'branch_tablet', 'contact_centre']);
export type Channel = z.infer<typeof Channel>;

export const WriteKey = z
  .object({
    id: Id,
    channel: Channel,
    label: z.string().min(1).max(80),
    /** The first characters of the key, to tell keys apart; never the key. */
    keyPrefix: z.string(),
    status: z.enum(['active', 'rotated', 'revoked']),
    createdAt: IsoDateTime,
    createdBy: z.string(),
    /** A rotated key keeps working until then, so apps can be updated. */
    validUntil: IsoDateTime.optional(),
    revokedAt: IsoDateTime.optional(),
    /** The key that replaced this one when it was rotated. */
    replacedBy: Id.optional(),
  })
  .meta({ id: 'WriteKey' });
export type WriteKey = z.infer<typeof WriteKey>;

/** Who posts on a write-key route: the key, once authenticated, and its channel. */
export type WriteKeyCaller = { id: string; channel: Channel };

/** A new key, with its secret: the only time the secret is shown. */
export const WriteKeyWithSecret = WriteKey.extend({ key: z.string() }).meta({ id: 'WriteKeyWithSecret' });
export type WriteKeyWithSecret = z.infer<typeof WriteKeyWithSecret>;

export const CreateWriteKeyRequest = z
  .object({ channel: Channel, label: z.string().trim().min(1).max(80) })
  .strict()
  .meta({ id: 'CreateWriteKeyRequest' });

export const RotateWriteKeyRequest = z
  .object({
    graceHours: z.number().int().min(0).max(720).default(24).describe('How long the old key keeps working.'),
  })
  .strict()
  .meta({ id: 'RotateWriteKeyRequest' });
