/**
 * Saves a meeting report about a customer the caller may see, as its version 1, with a follow-up
 * task for each next step and MeetingReported, in one transaction. Audited.
 */
import { randomUUID } from 'node:crypto';
import { visibleCustomer } from '#functions/customers/access.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { saveReportVersion } from '../store/reports-store.ts';
import { followUpTasks } from './follow-ups.ts';
import { reportEvent } from './report-event.ts';
import { nextStepsToOpen, reportVersion } from './report-rules.ts';

export const writeMeetingReport: RouteHandler<Route<'writeMeetingReport'>> = async ({
  params,
  body,
  caller,
  accessReason,
}) => {
  const customer = await visibleCustomer(caller, params.customerId, accessReason);
  const report = { id: `mr-${randomUUID()}`, customerId: customer.id, branchId: customer.branchId };
  const now = new Date().toISOString();
  const followUps = await followUpTasks(nextStepsToOpen(body.nextSteps), {
    customer,
    caller,
    now,
    reportId: report.id,
    version: 1,
  });
  const version = reportVersion(body, {
    version: 1,
    caller,
    now,
    followUpTaskIds: followUps.map(({ task }) => task.id),
  });
  if (!(await saveReportVersion(report, version, followUps, reportEvent(report, version, caller)))) {
    throw new Error(`meeting report id ${report.id} already taken`);
  }
  await recordAccess(caller, customer.id, 'meetingReport.write', accessReason);
  return { ...report, version: 1, latest: version, versions: [version] };
};
