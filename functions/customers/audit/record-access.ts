/**
 * What the customers context writes to the audit trail: every read and change of a customer
 * file, every customer shown in a search result or a list, and every attempt refused by the
 * branch scope, with who, when and why.
 */
import type { AccessReason } from '#schemas/audit.ts';
import type { Caller } from '#schemas/roles.ts';
import { recordAccesses } from '#shared/audit.ts';

export { recordAccess, recordAccesses } from '#shared/audit.ts';

/** Records every customer a search result or a list shows the caller; answers the page. */
export const recordShown = async <P extends { items: readonly { id: string }[] }>(
  caller: Caller,
  page: P,
  action: 'customer.search' | 'customer.list',
  reason: AccessReason,
): Promise<P> => {
  await recordAccesses(
    caller,
    page.items.map((customer) => customer.id),
    action,
    reason,
  );
  return page;
};
