/**
 * A request as the privacy officer sees it: an erasure request comes with its plan — what goes,
 * what stays and why (`../domain/erasure-plan.ts`) — for the officer to confirm, computed from
 * the registry as it is today, until the officer confirms it (then, the plan confirmed).
 */
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { erasurePlan, legalHoldOf } from '../domain/erasure-plan.ts';
import { holdingsOf, privacyRegistry } from '../registry.ts';

export const shownRequest = (request: PrivacyRequest, now = new Date()): PrivacyRequest =>
  request.kind === 'erasure' && !request.erasurePlan
    ? {
        ...request,
        erasurePlan: erasurePlan(
          holdingsOf(privacyRegistry),
          legalHoldOf({ kind: request.customerKind }, now.toISOString().slice(0, 10)),
        ),
      }
    : request;
