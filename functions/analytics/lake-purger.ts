/**
 * Lake purger: deletes the lake's days past their retention (`lake/retention.ts`; the
 * retention is the registry's, `privacy.ts`). Scheduled daily (`lakeRetention`); invoked by
 * hand with `{ "dryRun": true }` it lists what would go and deletes nothing, and `asOf` runs it
 * as of another day.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { lakeCatalog } from '#schemas/analytics/lake.ts';
import { IsoDate } from '#schemas/common.ts';
import { RetentionPurged } from '#schemas/events/retention-purged.ts';
import type { Caller } from '#schemas/roles.ts';
import * as z from '#schemas/zod.ts';
import { busEntryOf, putOnBus } from '#shared/bus.ts';
import { entryPoint } from '#shared/entry-point.ts';
import { logger, metrics } from '#shared/observability.ts';
import { domainEvent } from '#shared/outbox.ts';
import { type PurgeReport, purgeExpiredDays, retentionCutoff } from './lake/retention.ts';
import { lakeBucketName, s3LakeStore } from './lake/store.ts';
import { lakeRetention } from './privacy.ts';

/** Who purges, in the events: the job itself. */
const purgerActor: Caller = { id: 'system:lakePurger', name: 'Lake retention', roles: [] };

/** The schedule's event, or a run by hand. */
export const PurgeRequest = z.union([
  z.strictObject({ dryRun: z.optional(z.boolean()), asOf: z.optional(IsoDate) }),
  z.looseObject({ source: z.literal('aws.events'), 'detail-type': z.literal('Scheduled Event') }),
]);

export const handler = entryPoint('schedule', async (event: unknown): Promise<PurgeReport> => {
  const request = PurgeRequest.parse(event);
  const asOf = 'asOf' in request && typeof request.asOf === 'string' ? new Date(request.asOf) : new Date();
  const dryRun = 'dryRun' in request && request.dryRun === true;
  const report = await purgeExpiredDays(s3LakeStore(lakeBucketName()), {
    cutoff: retentionCutoff(asOf, lakeRetention.keep),
    dryRun,
  });
  metrics.addMetric('LakeFilesPurged', MetricUnit.Count, report.filesDeleted);
  if (report.filesDeleted > 0) {
    const purged = domainEvent(
      RetentionPurged,
      {
        location: `lakeTable ${lakeCatalog.curatedTable}`,
        cutoff: report.cutoff,
        removed: report.filesDeleted,
      },
      purgerActor,
      new Date().toISOString(),
    );
    // Not kept for a retry: the next run finds nothing left to purge, and the metric counts it.
    const failed = await putOnBus([busEntryOf(purged)]);
    if (failed.size > 0) logger.error('RetentionPurged not put on the bus', { cutoff: report.cutoff });
  }
  logger.info(dryRun ? 'lake retention: what would go' : 'lake retention applied', {
    cutoff: report.cutoff,
    days: report.days.length,
    filesDeleted: report.filesDeleted,
  });
  return report;
});
