/**
 * Records the end of a customer's business relationship, or withdraws it: compliance for any
 * customer, a branch manager for the branch. The AML retention runs 5 years from that day, after
 * which the retention sweep has the file erased (`domain/retention.ts`). The change and its
 * reason go to the customer's timeline (RelationshipEndRecorded) and the audit trail.
 */
import { RelationshipEndRecorded } from '#schemas/events/relationship-end-recorded.ts';
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { domainEvent } from '#shared/outbox.ts';
import { applyRelationshipEnd } from '../domain/customer.ts';
import { saveChange } from './save-change.ts';
import { visibleCustomer } from './visible-customer.ts';

export const recordRelationshipEnd: RouteHandler<Route<'recordRelationshipEnd'>> = async ({
  params,
  body,
  caller,
  expectedVersion,
  accessReason,
}) => {
  const current = await visibleCustomer(caller, params.customerId, accessReason);
  const change = applyRelationshipEnd(current, body, caller, expectedVersion, new Date().toISOString());
  const { next } = change;
  const event = domainEvent(
    RelationshipEndRecorded,
    {
      customerId: next.id,
      branchId: next.branchId,
      endedOn: next.relationshipEndedOn ?? null,
      reason: body.reason,
      version: next.version,
    },
    caller,
    next.updatedAt,
  );
  return saveChange(
    caller,
    current,
    change,
    { action: 'customer.relationshipEnd', reason: accessReason },
    event,
  );
};
