/** MeetingReported, for a version of a report. */
import { MeetingReported } from '#schemas/events/activity-logged.ts';
import type { Caller } from '#schemas/roles.ts';
import type { MeetingReportVersion } from '#schemas/sales/meeting-report.ts';
import { domainEvent } from '#shared/outbox.ts';
import type { ReportKey } from '../store/reports-store.ts';

export const reportEvent = (report: ReportKey, version: MeetingReportVersion, caller: Caller) =>
  domainEvent(
    MeetingReported,
    {
      reportId: report.id,
      customerId: report.customerId,
      branchId: report.branchId,
      version: version.version,
      meetingAt: version.meetingAt,
      channel: version.channel,
      productsDiscussed: version.productsDiscussed,
      followUpTaskCount: version.followUpTaskIds.length,
      ...(version.reason ? { reason: version.reason } : {}),
    },
    caller,
    version.writtenAt,
  );
