/**
 * Logs a call or an e-mail with a customer the caller may see: its ActivityLogged event, in the
 * customer's timeline, is the record (it never changes). Audited: it writes to the file.
 */
import { randomUUID } from 'node:crypto';
import { visibleCustomer } from '#functions/customers/access.ts';
import { ActivityLogged } from '#schemas/events/activity-logged.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { domainEvent } from '#shared/outbox.ts';
import { addEvents } from '../store/activities-store.ts';

export const logActivity: RouteHandler<Route<'logActivity'>> = async ({
  params,
  body,
  caller,
  accessReason,
}) => {
  const customer = await visibleCustomer(caller, params.customerId, accessReason);
  const activity = {
    id: `ac-${randomUUID()}`,
    customerId: customer.id,
    ...body,
    loggedBy: caller.id,
    loggedByName: caller.name,
  };
  const event = domainEvent(
    ActivityLogged,
    {
      activityId: activity.id,
      customerId: customer.id,
      branchId: customer.branchId,
      kind: body.kind,
      direction: body.direction,
      at: body.occurredAt,
      subject: body.subject,
      summary: body.summary,
    },
    caller,
    new Date().toISOString(),
  );
  await addEvents(customer.id, [event]);
  await recordAccess(caller, customer.id, 'activity.log', accessReason);
  return activity;
};
