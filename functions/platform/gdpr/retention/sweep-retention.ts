/**
 * The retention of customer files, applied: each file past its retention (the customers
 * context says which, `filesPastRetention`) gets an erasure request opened and confirmed by the
 * sweep itself, so that the erasure job removes it everywhere — file, look-ups, devices, lake —
 * and reports it, as for a request a person made; the privacy officer sees these requests in the
 * list. A file that already has an erasure under way is left to it. A dry run lists the files
 * and changes nothing.
 */
import { type FilePastRetention, filesPastRetention } from '#functions/customers/access.ts';
import type { Caller } from '#schemas/roles.ts';
import { recordAudit } from '#shared/audit.ts';
import { erasurePlan, legalHoldOf } from '../domain/erasure-plan.ts';
import { confirmedErasure, openRequest, requestSubject } from '../domain/privacy-requests.ts';
import { holdingsOf, privacyRegistry } from '../registry.ts';
import { insertRequest, listRequests } from '../store/privacy-requests-store.ts';

/** Who opens and confirms the retention's erasures. */
export const retentionActor: Caller = {
  id: 'system:retentionSweeper',
  name: 'Durée de conservation',
  roles: [],
};

export type RetentionSweep = {
  day: string;
  dryRun: boolean;
  /** The files past their retention: erased now (or, in a dry run, that would be). */
  due: FilePastRetention[];
  /** Of those, the ones whose erasure was already under way. */
  alreadyUnderWay: number;
  /** Prospects who came back within the retention, looked at again later. */
  lookedAgainLater: number;
};

/** Opens a file's erasure, confirmed: the job starts from its event. */
const openErasure = async (file: FilePastRetention, now: Date): Promise<void> => {
  const opened = {
    ...openRequest(
      { kind: 'erasure' },
      requestSubject({ ...file, id: file.customerId }),
      retentionActor,
      now,
    ),
    retention: {
      dueOn: file.dueOn,
      ...(file.lastContactAt ? { lastContactAt: file.lastContactAt } : {}),
      ...(file.relationshipEndedOn ? { relationshipEndedOn: file.relationshipEndedOn } : {}),
    },
  };
  const plan = erasurePlan(holdingsOf(privacyRegistry), legalHoldOf(file, now.toISOString().slice(0, 10)));
  const { confirmed, audit, event } = confirmedErasure(opened, plan, retentionActor, now);
  await recordAudit([audit]);
  if (!(await insertRequest(confirmed, event))) throw new Error(`erasure of ${file.customerId} not opened`);
};

export const sweepRetention = async (day: string, options: { dryRun: boolean; now?: Date }) => {
  const files = await filesPastRetention(day, options);
  const underWay = new Set(
    (await listRequests())
      .filter((request) => request.kind === 'erasure' && request.state !== 'completed')
      .map((request) => request.customerId),
  );
  const toOpen = files.due.filter((file) => !underWay.has(file.customerId));
  if (!options.dryRun) {
    for (const file of toOpen) await openErasure(file, options.now ?? new Date());
  }
  return {
    day,
    dryRun: options.dryRun,
    due: files.due,
    alreadyUnderWay: files.due.length - toOpen.length,
    lookedAgainLater: files.lookedAgainLater,
  } satisfies RetentionSweep;
};
