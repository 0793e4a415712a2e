/**
 * The privacy officer confirms an erasure request's plan: the plan is computed again from the
 * registry and the customer's hold as they are now, kept on the request as the one the job
 * follows, and `ErasureRequested` starts the job. Only a request awaiting confirmation, at the
 * version the officer read, is confirmed; the confirmation is audited.
 */
import { getCustomer } from '#functions/customers/access.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAudit } from '#shared/audit.ts';
import { Conflict, NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { erasurePlan, legalHoldOf } from '../domain/erasure-plan.ts';
import { confirmedErasure } from '../domain/privacy-requests.ts';
import { holdingsOf, privacyRegistry } from '../registry.ts';
import { getRequest, saveRequest } from '../store/privacy-requests-store.ts';
import { shownRequest } from './shown-request.ts';

export const confirmErasure: RouteHandler<Route<'confirmErasure'>> = async ({
  params,
  caller,
  expectedVersion,
}) => {
  const request = await getRequest(params.requestId);
  if (request?.kind !== 'erasure') throw new NotFound('This erasure request');
  if (request.version !== expectedVersion) {
    throw new Conflict('The request changed since you read it: read its plan again.', request.version);
  }
  if (request.state !== 'awaitingConfirmation') {
    throw new Conflict('This erasure was confirmed already.', request.version);
  }
  const now = new Date();
  const customer = await getCustomer(request.customerId);
  const plan = erasurePlan(
    holdingsOf(privacyRegistry),
    legalHoldOf(customer ?? { kind: request.customerKind }, now.toISOString().slice(0, 10)),
  );
  // What runs is what the officer read: a customer whose situation changed (a prospect who
  // became a customer) is shown the new plan first.
  if (customer && customer.kind !== request.customerKind) {
    await saveRequest({
      ...request,
      customerKind: customer.kind,
      updatedAt: now.toISOString(),
      version: request.version + 1,
    });
    throw new Conflict(
      'The customer’s situation changed since the plan was shown: read the new plan.',
      request.version + 1,
    );
  }
  const { confirmed, audit, event } = confirmedErasure(request, plan, caller, now);
  await recordAudit([audit]);
  if (!(await saveRequest(confirmed, event))) {
    throw new Conflict('The request changed since you read it: read its plan again.');
  }
  return shownRequest(confirmed, now);
};
