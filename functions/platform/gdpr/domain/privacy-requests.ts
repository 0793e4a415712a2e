/**
 * Data protection requests, pure: opening one (its id, the legal month it must be answered in,
 * the steps its job will take), confirming an erasure, and which are still open.
 */
import { randomBytes } from 'node:crypto';
import { displayName } from '#functions/customers/access.ts';
import type { AuditRecord } from '#schemas/audit.ts';
import { ErasureRequested } from '#schemas/events/erasure-requested.ts';
import type {
  CreatePrivacyRequest,
  PrivacyRequest,
  PrivacyRequestKind,
  PrivacyRequestState,
} from '#schemas/platform/privacy-request.ts';
import type { Caller } from '#schemas/roles.ts';
import { shiftDay } from '#shared/calendar.ts';
import { domainEvent } from '#shared/outbox.ts';
import type { ErasurePlan } from './erasure-plan.ts';

/** Who runs the jobs, in their events: the privacy jobs, on the officer's request. */
export const jobActor: Caller = { id: 'system:privacyJobs', name: 'Privacy jobs', roles: [] };

/** The law's time to answer: one month from receipt (GDPR art. 12(3)). */
export const answerWithin = 'P1M';

/** The steps of each kind of job, in order: the progress a request shows. */
export const jobSteps: Record<PrivacyRequestKind, readonly string[]> = {
  access: ['file', 'audit', 'lake', 'archive'],
  erasure: ['file', 'lake', 'report'],
};

/** An id that sorts by creation: `pr-<time, base 36>-<random>`. */
const newRequestId = (now: Date) => `pr-${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`;

/** The customer a request is about, as the officer's list names them (`LAST First`). */
export const requestSubject = (customer: {
  id: string;
  firstName: string;
  lastName: string;
  kind: PrivacyRequest['customerKind'];
}) => ({
  id: customer.id,
  name: displayName(customer),
  kind: customer.kind,
});

/** A new request, received on `receivedOn` (today when not given), due a month later. */
export const openRequest = (
  input: CreatePrivacyRequest,
  customer: { id: string; name: string; kind: PrivacyRequest['customerKind'] },
  caller: Caller,
  now: Date,
): PrivacyRequest => {
  const receivedOn = input.receivedOn ?? now.toISOString().slice(0, 10);
  const at = now.toISOString();
  return {
    id: newRequestId(now),
    kind: input.kind,
    customerId: customer.id,
    customerName: customer.name,
    customerKind: customer.kind,
    receivedOn,
    dueOn: shiftDay(new Date(`${receivedOn}T00:00:00Z`), answerWithin, 1),
    // An erasure waits for the officer to confirm its plan; an access starts at once.
    state: input.kind === 'erasure' ? 'awaitingConfirmation' : 'received',
    progress: { done: 0, total: jobSteps[input.kind].length },
    ...(input.note ? { note: input.note } : {}),
    openedBy: { id: caller.id, name: caller.name },
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
};

/**
 * Whether a request still waits for the bank: not completed, and for an access, not yet handed
 * over (an export that is ready but was never downloaded is still owed to the customer).
 */
export const isOpen = (request: Pick<PrivacyRequest, 'state' | 'deliveredAt'>): boolean =>
  request.state !== 'completed' && !(request.state === 'ready' && request.deliveredAt !== undefined);

/** The request one step further: its state, the step now running (or none), the steps done. */
export const advance = (
  request: PrivacyRequest,
  change: { state: PrivacyRequestState; done: number; step?: string },
  now: Date,
): PrivacyRequest => ({
  ...request,
  state: change.state,
  progress: {
    done: change.done,
    total: request.progress.total,
    ...(change.step ? { step: change.step } : {}),
  },
  updatedAt: now.toISOString(),
  version: request.version + 1,
});

/**
 * An erasure request confirmed by `caller` with the plan the job will follow: the request as it
 * is then, the audit record of the confirmation, and the `ErasureRequested` that starts the job.
 */
export const confirmedErasure = (request: PrivacyRequest, plan: ErasurePlan, caller: Caller, now: Date) => {
  const at = now.toISOString();
  const audit: Omit<AuditRecord, 'id'> = {
    at,
    actorId: caller.id,
    actorName: caller.name,
    actorRoles: caller.roles,
    action: 'customer.erasureConfirmed',
    customerId: request.customerId,
    reason: 'privacy_request',
  };
  return {
    confirmed: {
      ...advance(request, { state: 'received', done: 0 }, now),
      erasurePlan: plan,
      confirmedBy: { id: caller.id, name: caller.name, at },
    },
    audit,
    event: domainEvent(
      ErasureRequested,
      { requestId: request.id, customerId: request.customerId, dueOn: request.dueOn },
      caller,
      at,
    ),
  };
};
