/** Consent per channel and purpose; its history is the ConsentChanged timeline. */

import { IsoDateTime } from '../common.ts';
import * as z from '../zod.ts';

export const ConsentChannel = z.enum(['email', 'sms', 'phone', 'post', 'push']);
export type ConsentChannel = z.infer<typeof ConsentChannel>;
export const ConsentPurpose = z.enum(['marketing', 'profiling']);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

export const ConsentState = z.object({
  granted: z.boolean(),
  updatedAt: IsoDateTime,
  source: z
    .string()
    .check(z.maxLength(40), z.describe('Where the customer said so: branch, web, app, phone, post.')),
});

export const Consent = z
  .extend(z.object({ channel: ConsentChannel, purpose: ConsentPurpose }), ConsentState.shape)
  .register(z.globalRegistry, { id: 'Consent' });
export type Consent = z.infer<typeof Consent>;

export const Consents = z
  .object({ items: z.array(Consent), version: z.number().check(z.int(), z.nonnegative()) })
  .register(z.globalRegistry, { id: 'Consents' });
export type Consents = z.infer<typeof Consents>;

export const UpdateConsentsRequest = z
  .strictObject({
    changes: z
      .array(
        z.object({
          channel: ConsentChannel,
          purpose: ConsentPurpose,
          granted: z.boolean(),
          source: ConsentState.shape.source,
        }),
      )
      .check(z.minLength(1), z.maxLength(10)),
    version: z.optional(z.number().check(z.int(), z.nonnegative())),
  })
  .register(z.globalRegistry, { id: 'UpdateConsentsRequest' });
export type UpdateConsentsRequest = z.infer<typeof UpdateConsentsRequest>;
