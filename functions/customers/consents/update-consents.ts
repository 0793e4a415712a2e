/** Records consent changes per channel and purpose, guarded by the consents' version. */
import { ConsentChanged } from '#schemas/events/consent-changed.ts';
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { domainEvent } from '#shared/outbox.ts';
import { recordAccess } from '../audit/record-access.ts';
import { visibleCustomer } from '../customers/visible-customer.ts';
import { applyConsentChanges } from '../domain/consents.ts';
import { getConsents, saveConsents } from '../store/customers-store.ts';

export const updateConsents: RouteHandler<Route<'updateConsents'>> = async ({
  params,
  body,
  caller,
  expectedVersion,
  accessReason,
}) => {
  const customer = await visibleCustomer(caller, params.customerId, accessReason);
  const current = await getConsents(customer.id);
  const at = new Date().toISOString();
  const { next, changed } = applyConsentChanges(current, body, expectedVersion, at);
  if (changed.length > 0) {
    const event = domainEvent(
      ConsentChanged,
      { customerId: customer.id, branchId: customer.branchId, changes: changed },
      caller,
      at,
    );
    await saveConsents(customer.id, current.version, next, event);
  }
  await recordAccess(caller, customer.id, 'customer.consentsUpdate', accessReason);
  return changed.length > 0 ? next : current;
};
