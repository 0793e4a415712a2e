/**
 * The 360° file in one read of the customer's item collection (audited). The open deals only to
 * the roles that follow deals: the contact centre and compliance see the file without them.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { opportunityReaders } from '#schemas/roles.ts';
import type { Route } from '#schemas/routes.ts';
import { getStaffMember } from '#shared/directory.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { metrics } from '#shared/observability.ts';
import { recordAccess } from '../audit/record-access.ts';
import { getCustomerFile } from '../store/customers-store.ts';
import { inScope } from './visible-customer.ts';

export const getCustomer360: RouteHandler<Route<'getCustomer360'>> = async ({
  params,
  caller,
  accessReason,
}) => {
  const file = await inScope(
    caller,
    await getCustomerFile(params.customerId),
    (found) => found.customer,
    accessReason,
  );
  const [advisor] = await Promise.all([
    file.customer.advisorId ? getStaffMember(file.customer.advisorId) : undefined,
    recordAccess(caller, file.customer.id, 'customer.read360', accessReason),
  ]);
  metrics.addMetric('CustomerFilesRead', MetricUnit.Count, 1);
  const { openOpportunities, ...shown } = file;
  const seesDeals = caller.roles.some((role) => (opportunityReaders as readonly string[]).includes(role));
  return {
    ...shown,
    ...(seesDeals ? { openOpportunities } : {}),
    ...(advisor ? { advisor: { id: advisor.id, name: advisor.name } } : {}),
  };
};
