/**
 * The privacy officer opens a customer's data protection request (access or erasure): the
 * customer is found by id or number, and the request is written — an access with its event (the
 * export starts from it), an erasure awaiting the officer's confirmation of its plan — and the
 * officer's sight of the customer's name is audited.
 */
import { customerByNumber, getCustomer } from '#functions/customers/access.ts';
import { DataAccessRequested } from '#schemas/events/data-access-requested.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAudit } from '#shared/audit.ts';
import { NotFound, ServiceUnavailable } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { domainEvent } from '#shared/outbox.ts';
import { openRequest, requestSubject } from '../domain/privacy-requests.ts';
import { insertRequest } from '../store/privacy-requests-store.ts';
import { shownRequest } from './shown-request.ts';

export const openPrivacyRequest: RouteHandler<Route<'openPrivacyRequest'>> = async ({ body, caller }) => {
  const customer = body.customerId
    ? await getCustomer(body.customerId)
    : await customerByNumber(body.customerNumber ?? '');
  if (!customer) throw new NotFound('No customer has this id or number.');
  const now = new Date();
  const request = openRequest(body, requestSubject(customer), caller, now);
  const event =
    request.kind === 'access'
      ? domainEvent(
          DataAccessRequested,
          { requestId: request.id, customerId: customer.id, dueOn: request.dueOn },
          caller,
          now.toISOString(),
        )
      : undefined;
  await recordAudit([
    {
      at: now.toISOString(),
      actorId: caller.id,
      actorName: caller.name,
      actorRoles: caller.roles,
      action: 'customer.privacyRequest',
      customerId: customer.id,
      reason: 'privacy_request',
    },
  ]);
  if (!(await insertRequest(request, event))) {
    throw new ServiceUnavailable('The request could not be saved; nothing was opened. Try again.');
  }
  return shownRequest(request, now);
};
