import { Id } from '../common.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

/** A customer's archive is ready (`ready`) or was downloaded (`delivered`), by the privacy officer. */
export const DataExportedV1 = eventDetail(1, {
  requestId: Id,
  customerId: Id,
  stage: z.enum(['ready', 'delivered']),
}).register(z.globalRegistry, { id: 'DataExportedV1' });
export type DataExportedV1 = z.infer<typeof DataExportedV1>;

export const DataExported = {
  source: 'relais.platform',
  detailType: 'DataExported',
  detail: DataExportedV1,
} satisfies EventDefinition;
