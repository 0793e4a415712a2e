/**
 * Opening an opportunity, pure: who owns it (the owner named, else the calling advisor, else the
 * customer's advisor — always an advisor of the customer's branch), its first stage and
 * probability for the product's family, and the first line of its history.
 */
import { displayName } from '#functions/customers/access.ts';
import type { Customer } from '#schemas/customers/customer.ts';
import type { Caller } from '#schemas/roles.ts';
import type { CreateOpportunityRequest, Opportunity } from '#schemas/sales/opportunity.ts';
import { firstStage, probabilityPercent } from '#schemas/sales/pipeline.ts';
import type { Product } from '#schemas/sales/product.ts';
import type { StaffRecord } from '#shared/directory.ts';
import { ValidationFailed } from '#shared/errors.ts';

/** Whom the deal goes to when the request names nobody. */
export const defaultOwnerId = (caller: Caller, customer: Pick<Customer, 'advisorId'>): string | undefined =>
  caller.roles.includes('advisor') ? caller.id : customer.advisorId;

/** The new opportunity, or a 400 naming the owner when they are not an advisor of the customer's branch. */
export const openOpportunity = (
  request: CreateOpportunityRequest,
  context: {
    id: string;
    customer: Pick<Customer, 'id' | 'branchId' | 'firstName' | 'lastName'>;
    product: Product;
    owner: StaffRecord | undefined;
    caller: Caller;
    now: string;
  },
): Opportunity => {
  const { customer, product, owner, caller, now } = context;
  if (!owner?.roles.includes('advisor') || owner.branchId !== customer.branchId) {
    throw new ValidationFailed([
      { field: 'ownerId', message: "the owner must be an advisor of the customer's branch" },
    ]);
  }
  const stage = firstStage(product.family);
  return {
    id: context.id,
    customerId: customer.id,
    customerName: displayName(customer),
    branchId: customer.branchId,
    ownerId: owner.id,
    productCode: product.code,
    family: product.family,
    title: request.title ?? product.name.fr,
    amountCents: request.amountCents,
    expectedCloseOn: request.expectedCloseOn,
    source: request.source,
    ...(request.campaignId ? { campaignId: request.campaignId } : {}),
    stage,
    stageEnteredAt: now,
    probabilityPercent: probabilityPercent(product.family, stage),
    history: [{ to: stage, by: caller.id, at: now }],
    createdAt: now,
    updatedAt: now,
    createdBy: caller.id,
    updatedBy: caller.id,
    version: 1,
  };
};
