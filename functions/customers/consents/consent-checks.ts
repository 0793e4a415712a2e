/**
 * What a customer's consents allow, asked by other contexts through `access.ts`: whether their
 * events may feed profiling (the lake, segments, scores), and whether the bank may send them
 * marketing on a channel (every outgoing message). The rules are `domain/consents.ts`; this
 * reads the consents they judge.
 */
import { type ConsentChannel, Consents } from '#schemas/customers/consent.ts';
import { tableName } from '#shared/env.ts';
import { getAll } from '#shared/get-all.ts';
import { customerCollection } from '#shared/table/main-table.ts';
import { allowsMarketing, allowsProfiling } from '../domain/consents.ts';
import { getConsents } from '../store/customers-store.ts';

/**
 * The customers among `customerIds` whose events may not feed profiling (they objected): one
 * read of their consents, 100 a request. An id that is no customer has no objection on file.
 */
export const objectingToProfiling = async (customerIds: Iterable<string>): Promise<Set<string>> => {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return new Set();
  const items = await getAll(
    tableName('main'),
    ids.map((id) => ({ pk: customerCollection.pk(id), sk: customerCollection.consentsSk })),
  );
  const objecting = items.filter((item) => !allowsProfiling(Consents.parse(item).items));
  return new Set(objecting.map((item) => customerCollection.customerIdOf(String(item.pk))));
};

/** Whether the bank may send `customerId` marketing on `channel` now. */
export const mayMarketTo = async (customerId: string, channel: ConsentChannel): Promise<boolean> =>
  allowsMarketing((await getConsents(customerId)).items, channel);
