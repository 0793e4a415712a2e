/**
 * Corrects a meeting report by a new version — the whole report as it should read, and why —
 * from the version the caller read (409 otherwise): the earlier versions stay as they were. The
 * new version's next steps that the one before did not have open their follow-up tasks. Audited.
 */
import { visibleCustomer } from '#functions/customers/access.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAccess } from '#shared/audit.ts';
import { Conflict, NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { getReportHead, listReportVersions, saveReportVersion } from '../store/reports-store.ts';
import { followUpTasks } from './follow-ups.ts';
import { reportEvent } from './report-event.ts';
import { nextStepsToOpen, reportVersion } from './report-rules.ts';

export const correctMeetingReport: RouteHandler<Route<'correctMeetingReport'>> = async ({
  params,
  body,
  caller,
  expectedVersion,
  accessReason,
}) => {
  const customer = await visibleCustomer(caller, params.customerId, accessReason);
  const head = await getReportHead(customer.id, params.reportId);
  if (!head) throw new NotFound('This meeting report');
  const stale = () =>
    new Conflict(
      `This report was corrected since you read it (you read version ${expectedVersion}, it is now ${head.latest.version}). Read the latest version and correct it again.`,
      head.latest.version,
    );
  if (head.latest.version !== expectedVersion) throw stale();
  const { reason, version: _read, ...content } = body;
  const number = head.latest.version + 1;
  const now = new Date().toISOString();
  const followUps = await followUpTasks(nextStepsToOpen(content.nextSteps, head.latest.nextSteps), {
    customer,
    caller,
    now,
    reportId: head.id,
    version: number,
  });
  const version = reportVersion(content, {
    version: number,
    caller,
    now,
    reason,
    followUpTaskIds: followUps.map(({ task }) => task.id),
  });
  if (!(await saveReportVersion(head, version, followUps, reportEvent(head, version, caller)))) throw stale();
  await recordAccess(caller, customer.id, 'meetingReport.correct', accessReason);
  const versions = await listReportVersions(customer.id, head.id);
  return {
    id: head.id,
    customerId: head.customerId,
    branchId: head.branchId,
    version: number,
    latest: version,
    versions,
  };
};
