/**
 * Opens an opportunity for a customer the caller may see, on a product of the catalogue, owned by
 * an advisor of the customer's branch; its first event goes with it. Audited: it shows the file.
 */
import { randomUUID } from 'node:crypto';
import { visibleCustomer } from '#functions/customers/access.ts';
import { OpportunityCreated } from '#schemas/events/opportunity-created.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import { getStaffMember } from '#shared/directory.ts';
import { ValidationFailed } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { domainEvent } from '#shared/outbox.ts';
import { productByCode } from '../catalogue/catalogue.ts';
import { addOpportunity } from '../store/opportunities-store.ts';
import { defaultOwnerId, openOpportunity } from './open-opportunity.ts';

export const createOpportunity: RouteHandler<Route<'createOpportunity'>> = async ({
  params,
  body,
  caller,
  accessReason,
}) => {
  const customer = await visibleCustomer(caller, params.customerId, accessReason);
  const product = productByCode(body.productCode);
  if (!product)
    throw new ValidationFailed([
      { field: 'productCode', message: 'no product of the catalogue has this code' },
    ]);
  const ownerId = body.ownerId ?? defaultOwnerId(caller, customer);
  const owner = ownerId ? await getStaffMember(ownerId) : undefined;
  const opportunity = openOpportunity(body, {
    id: `op-${randomUUID()}`,
    customer,
    product,
    owner,
    caller,
    now: new Date().toISOString(),
  });
  const event = domainEvent(
    OpportunityCreated,
    {
      opportunityId: opportunity.id,
      customerId: opportunity.customerId,
      branchId: opportunity.branchId,
      ownerId: opportunity.ownerId,
      productCode: opportunity.productCode,
      family: opportunity.family,
      amountCents: opportunity.amountCents,
      expectedCloseOn: opportunity.expectedCloseOn,
      source: opportunity.source,
      ...(opportunity.campaignId ? { campaignId: opportunity.campaignId } : {}),
      stage: opportunity.stage,
    },
    caller,
    opportunity.createdAt,
  );
  if (!(await addOpportunity(opportunity, event)))
    throw new Error(`opportunity id ${opportunity.id} already taken`);
  await recordAccess(caller, customer.id, 'opportunity.create', accessReason);
  return opportunity;
};
