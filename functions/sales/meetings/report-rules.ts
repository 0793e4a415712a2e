/**
 * Meeting reports, pure: a version as it is saved (never changed afterwards), and which next
 * steps of a version open a follow-up task — all of the first version's; of a correction's, only
 * those the version it corrects did not have (by title), so a correction opens no task twice.
 */
import type { Caller } from '#schemas/roles.ts';
import type {
  MeetingReportVersion,
  NextStep,
  WriteMeetingReportRequest,
} from '#schemas/sales/meeting-report.ts';

const sameStep = (title: string) => title.trim().toLocaleLowerCase('fr');

/** The next steps that open a task: those `previous` (the corrected version's) did not list. */
export const nextStepsToOpen = (
  next: readonly NextStep[],
  previous: readonly NextStep[] = [],
): NextStep[] => {
  const known = new Set(previous.map((step) => sameStep(step.title)));
  const seen = new Set<string>();
  return next.filter((step) => {
    const key = sameStep(step.title);
    if (known.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

export const reportVersion = (
  content: WriteMeetingReportRequest,
  context: { version: number; caller: Caller; now: string; followUpTaskIds: string[]; reason?: string },
): MeetingReportVersion => ({
  version: context.version,
  meetingAt: content.meetingAt,
  channel: content.channel,
  notes: content.notes,
  productsDiscussed: content.productsDiscussed,
  needs: content.needs,
  nextSteps: content.nextSteps,
  writtenAt: context.now,
  writtenBy: context.caller.id,
  writtenByName: context.caller.name,
  ...(context.reason ? { reason: context.reason } : {}),
  followUpTaskIds: context.followUpTaskIds,
});
