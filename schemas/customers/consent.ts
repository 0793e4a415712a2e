/** Consent per channel and purpose; its history is the ConsentChanged timeline. */
import * as z from 'zod';
import { IsoDateTime } from '../common.ts';

export const ConsentChannel = z.enum(['email', 'sms', 'phone', 'post', 'push']);
export type ConsentChannel = z.infer<typeof ConsentChannel>;
export const ConsentPurpose = z.enum(['marketing', 'profiling']);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

export const ConsentState = z.object({
  granted: z.boolean(),
  updatedAt: IsoDateTime,
  source: z.string().max(40).describe('Where the customer said so: branch, web, app, phone, post.'),
});

export const Consent = z
  .object({ channel: ConsentChannel, purpose: ConsentPurpose })
  .extend(ConsentState.shape)
  .meta({ id: 'Consent' });
export type Consent = z.infer<typeof Consent>;

export const Consents = z
  .object({ items: z.array(Consent), version: z.number().int().nonnegative() })
  .meta({ id: 'Consents' });
export type Consents = z.infer<typeof Consents>;

export const UpdateConsentsRequest = z
  .object({
    changes: z
      .array(
        z.object({
          channel: ConsentChannel,
          purpose: ConsentPurpose,
          granted: z.boolean(),
          source: ConsentState.shape.source,
        }),
      )
      .min(1)
      .max(10),
    version: z.number().int().nonnegative().optional(),
  })
  .strict()
  .meta({ id: 'UpdateConsentsRequest' });
export type UpdateConsentsRequest = z.infer<typeof UpdateConsentsRequest>;
