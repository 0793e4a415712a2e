/** A meeting report of a customer the caller may see, with every version, the first one first. Audited. */
import { visibleCustomer } from '#functions/customers/access.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import { NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { getReportHead, listReportVersions } from '../store/reports-store.ts';

export const getMeetingReport: RouteHandler<Route<'getMeetingReport'>> = async ({
  params,
  caller,
  accessReason,
}) => {
  const customer = await visibleCustomer(caller, params.customerId, accessReason);
  const [head, versions] = await Promise.all([
    getReportHead(customer.id, params.reportId),
    listReportVersions(customer.id, params.reportId),
    recordAccess(caller, customer.id, 'meetingReport.read', accessReason),
  ]);
  if (!head) throw new NotFound('This meeting report');
  return {
    id: head.id,
    customerId: head.customerId,
    branchId: head.branchId,
    version: head.latest.version,
    latest: head.latest,
    versions,
  };
};
