/**
 * Records a KYC decision: compliance for any customer, a branch manager for the branch. The
 * decision and its reason go to the customer's timeline (KycStatusChanged) and the audit trail.
 */
import { KycStatusChanged } from '#schemas/events/kyc-status-changed.ts';
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { domainEvent } from '#shared/outbox.ts';
import { applyKycDecision } from '../domain/customer.ts';
import { saveChange } from './save-change.ts';
import { visibleCustomer } from './visible-customer.ts';

export const changeKycStatus: RouteHandler<Route<'changeKycStatus'>> = async ({
  params,
  body,
  caller,
  expectedVersion,
  accessReason,
}) => {
  const current = await visibleCustomer(caller, params.customerId, accessReason);
  const change = applyKycDecision(current, body, caller, expectedVersion, new Date().toISOString());
  const { next } = change;
  const event = domainEvent(
    KycStatusChanged,
    {
      customerId: next.id,
      branchId: next.branchId,
      from: current.kycStatus,
      to: next.kycStatus,
      reason: body.reason,
      version: next.version,
    },
    caller,
    next.updatedAt,
  );
  return saveChange(caller, current, change, { action: 'customer.kycDecision', reason: accessReason }, event);
};
