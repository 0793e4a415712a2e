/**
 * Changes an open deal of a customer the caller may see — title, amount, expected closing, or its
 * owner (the branch manager's or an administrator's) — from the version read, with
 * OpportunityUpdated. Nothing changed answers the deal as it is. Audited.
 */
import { OpportunityUpdated } from '#schemas/events/opportunity-updated.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import { getStaffMember } from '#shared/directory.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { domainEvent } from '#shared/outbox.ts';
import { applyUpdate } from './apply-update.ts';
import { saveOpportunity, visibleOpportunity } from './visible-opportunity.ts';

export const updateOpportunity: RouteHandler<Route<'updateOpportunity'>> = async ({
  params,
  body,
  caller,
  expectedVersion,
  accessReason,
}) => {
  const current = await visibleOpportunity(caller, params, accessReason);
  const newOwner = body.ownerId ? await getStaffMember(body.ownerId) : undefined;
  const { next, changedFields } = applyUpdate(current, body, {
    caller,
    newOwner,
    expectedVersion,
    now: new Date().toISOString(),
  });
  await recordAccess(caller, current.customerId, 'opportunity.update', accessReason);
  if (changedFields.length === 0) return current;
  const event = domainEvent(
    OpportunityUpdated,
    {
      opportunityId: next.id,
      customerId: next.customerId,
      branchId: next.branchId,
      ownerId: next.ownerId,
      ...(next.ownerId !== current.ownerId ? { previousOwnerId: current.ownerId } : {}),
      changedFields,
      version: next.version,
    },
    caller,
    next.updatedAt,
  );
  return saveOpportunity(current, next, [event]);
};
