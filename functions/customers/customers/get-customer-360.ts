/**
 * The 360° file in one read of the customer's item collection (audited). The open deals and the
 * latest meeting report only to the branch network; the open tasks to it and the contact centre:
 * compliance sees the file without them.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { activityKeepers, meetingReporters, opportunityReaders, type Role } from '#schemas/roles.ts';
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
  const { openOpportunities, openTasks, latestMeetingReport, ...shown } = file;
  const sees = (roles: readonly Role[]) => caller.roles.some((role) => roles.includes(role));
  return {
    ...shown,
    ...(sees(opportunityReaders) ? { openOpportunities } : {}),
    ...(sees(activityKeepers) ? { openTasks } : {}),
    ...(latestMeetingReport && sees(meetingReporters) ? { latestMeetingReport } : {}),
    ...(advisor ? { advisor: { id: advisor.id, name: advisor.name } } : {}),
  };
};
