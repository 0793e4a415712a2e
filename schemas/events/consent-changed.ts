import { Id } from '../common.ts';
import { ConsentChannel, ConsentPurpose } from '../customers/consent.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

export const ConsentChangedV1 = eventDetail(1, {
  customerId: Id,
  branchId: Id,
  changes: z
    .array(
      z.object({
        channel: ConsentChannel,
        purpose: ConsentPurpose,
        granted: z.boolean(),
        source: z.string(),
      }),
    )
    .check(z.minLength(1)),
}).register(z.globalRegistry, { id: 'ConsentChangedV1' });
export type ConsentChangedV1 = z.infer<typeof ConsentChangedV1>;

export const ConsentChanged = {
  source: 'relais.customers',
  detailType: 'ConsentChanged',
  detail: ConsentChangedV1,
} satisfies EventDefinition;
