import { Id, IsoDate } from '../common.ts';
import * as z from '../zod.ts';
import { type EventDefinition, eventDetail } from './envelope.ts';

/** The privacy officer opened an access request (GDPR art. 15, 20) for a customer: the export job starts. */
export const DataAccessRequestedV1 = eventDetail(1, {
  requestId: Id,
  customerId: Id,
  dueOn: IsoDate,
}).register(z.globalRegistry, { id: 'DataAccessRequestedV1' });
export type DataAccessRequestedV1 = z.infer<typeof DataAccessRequestedV1>;

export const DataAccessRequested = {
  source: 'relais.platform',
  detailType: 'DataAccessRequested',
  detail: DataAccessRequestedV1,
} satisfies EventDefinition;
