import { Id, IsoDate } from '../common.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

/** The privacy officer opened an erasure request (GDPR art. 17) for a customer. */
export const ErasureRequestedV1 = eventDetail(1, {
  requestId: Id,
  customerId: Id,
  dueOn: IsoDate,
}).register(z.globalRegistry, { id: 'ErasureRequestedV1' });
export type ErasureRequestedV1 = z.infer<typeof ErasureRequestedV1>;

export const ErasureRequested = {
  source: 'relais.platform',
  detailType: 'ErasureRequested',
  detail: ErasureRequestedV1,
} satisfies EventDefinition;
