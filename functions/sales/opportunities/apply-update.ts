/**
 * Changing an open deal's details, pure: from the version read (else a 409 with the stored one),
 * on an open deal only (a closed one is the record of what was signed or lost), a new owner given
 * by the branch's manager or an administrator to an advisor of the customer's branch; the fields
 * that changed, for the event.
 */
import type { Caller } from '#schemas/roles.ts';
import type { Opportunity, UpdateOpportunityRequest } from '#schemas/sales/opportunity.ts';
import type { StaffRecord } from '#shared/directory.ts';
import { Conflict, Forbidden, ValidationFailed } from '#shared/errors.ts';

export type OpportunityChange = {
  next: Opportunity;
  changedFields: ('title' | 'amountCents' | 'expectedCloseOn' | 'ownerId')[];
};

export const applyUpdate = (
  current: Opportunity,
  request: UpdateOpportunityRequest,
  context: { caller: Caller; newOwner: StaffRecord | undefined; expectedVersion: number; now: string },
): OpportunityChange => {
  const { caller, newOwner, expectedVersion, now } = context;
  if (current.version !== expectedVersion) {
    throw new Conflict(
      `This opportunity changed since you read it (you read version ${expectedVersion}, it is now ${current.version}). Reload it and apply your change again.`,
      current.version,
    );
  }
  if (current.stage === 'won' || current.stage === 'lost') {
    throw new ValidationFailed([
      { field: 'version', message: `a deal ${current.stage} is closed: its details stay as they were` },
    ]);
  }
  const changesOwner = request.ownerId !== undefined && request.ownerId !== current.ownerId;
  if (changesOwner) {
    if (!caller.roles.includes('branch_manager') && !caller.roles.includes('admin')) {
      throw new Forbidden('Only the branch manager or an administrator gives a deal to another advisor.');
    }
    if (!newOwner?.roles.includes('advisor') || newOwner.branchId !== current.branchId) {
      throw new ValidationFailed([
        { field: 'ownerId', message: "the owner must be an advisor of the customer's branch" },
      ]);
    }
  }
  const asked = {
    title: request.title,
    amountCents: request.amountCents,
    expectedCloseOn: request.expectedCloseOn,
    ownerId: changesOwner ? request.ownerId : undefined,
  };
  const changedFields = (Object.keys(asked) as (keyof typeof asked)[]).filter(
    (field) => asked[field] !== undefined && asked[field] !== current[field],
  );
  const next: Opportunity = {
    ...current,
    ...Object.fromEntries(changedFields.map((field) => [field, asked[field]])),
    updatedAt: now,
    updatedBy: caller.id,
    version: current.version + 1,
  };
  return { next, changedFields };
};
