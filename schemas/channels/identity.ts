/** Identity stitching: an anonymous visitor id (a device, a browser) linked to a known customer. */

import { Id, IsoDateTime } from '../common.ts';
import * as z from '../zod.ts';
import { Channel } from './write-key.ts';

/** The visitor id a tracker or an app generates: 8 to 64 safe characters. */
export const AnonymousId = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_.:-]{8,64}$/, '8 to 64 letters, digits, _ . : -'));

export const IdentityLink = z
  .object({
    anonymousId: AnonymousId,
    customerId: Id,
    linkedAt: IsoDateTime,
    /** The login event that linked them (its message id), or the user who linked them. */
    linkedBy: z.string(),
    channel: Channel,
  })
  .register(z.globalRegistry, { id: 'IdentityLink' });
export type IdentityLink = z.infer<typeof IdentityLink>;
