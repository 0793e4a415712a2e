/**
 * Lake compactor: merges the small files of each hour partition into one and drops events
 * stored twice, raw and curated alike (see `lake/compaction.ts`). Scheduled every hour at :15
 * (`lakeCompaction`), it looks at the whole lake and leaves files younger than 15 minutes to
 * the next run. It can also be invoked by hand:
 * - `{ "dt": "2026-11-23", "hour": "09" }` compacts that hour now;
 * - `{ "olderThanMinutes": 0 }` compacts every partition now, whatever the files' age.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { IsoDate } from '#schemas/common.ts';
import * as z from '#schemas/zod.ts';
import { entryPoint } from '#shared/entry-point.ts';
import { logger, metrics } from '#shared/observability.ts';
import { compactLake, type PartitionReport } from './lake/compaction.ts';
import { dynamoLeases } from './lake/leases.ts';
import { lakeBucketName, s3LakeStore } from './lake/store.ts';

/** Files younger than this are still being written by late batches: the next run takes them. */
export const scheduledOlderThanMinutes = 15;

const Hour = z.pipe(
  z.pipe(
    z.pipe(z.union([z.string().check(z.regex(/^\d{1,2}$/)), z.number().check(z.int())]), z.transform(Number)),
    z.number().check(z.int(), z.minimum(0), z.maximum(23)),
  ),
  z.transform((hour: number) => String(hour).padStart(2, '0')),
);

/** What the compactor accepts: one hour, an age, or the schedule's event. */
export const CompactionRequest = z.union([
  z.object({ dt: IsoDate, hour: Hour }),
  z.object({ olderThanMinutes: z.number().check(z.int(), z.minimum(0)) }),
  z.looseObject({ source: z.literal('aws.events'), 'detail-type': z.literal('Scheduled Event') }),
]);
export type CompactionRequest = z.input<typeof CompactionRequest>;

export type CompactionSummary = {
  partitions: number;
  filesMerged: number;
  filesWritten: number;
  duplicatesDropped: number;
  reports: PartitionReport[];
};

/** The partitions and the file age a request asks for. */
const scopeOf = (request: z.output<typeof CompactionRequest>, now: number) => {
  if ('dt' in request && typeof request.dt === 'string' && typeof request.hour === 'string') {
    return { partitions: [{ dt: request.dt, hour: request.hour }], olderThan: new Date(now) };
  }
  const minutes =
    'olderThanMinutes' in request && typeof request.olderThanMinutes === 'number'
      ? request.olderThanMinutes
      : scheduledOlderThanMinutes;
  return { olderThan: new Date(now - minutes * 60_000) };
};

export const handler = entryPoint('schedule', async (event: unknown): Promise<CompactionSummary> => {
  const scope = scopeOf(CompactionRequest.parse(event), Date.now());
  const reports = await compactLake({
    store: s3LakeStore(lakeBucketName()),
    leases: dynamoLeases('lakeCompactor'),
    ...scope,
  });
  const summary: CompactionSummary = {
    partitions: reports.length,
    filesMerged: reports.reduce((sum, r) => sum + r.merged.length, 0),
    filesWritten: reports.reduce((sum, r) => sum + r.written.length, 0),
    duplicatesDropped: reports.reduce((sum, r) => sum + r.duplicatesDropped, 0),
    reports,
  };
  metrics.addMetric('LakeFilesMerged', MetricUnit.Count, summary.filesMerged);
  metrics.addMetric('LakeDuplicatesDropped', MetricUnit.Count, summary.duplicatesDropped);
  logger.info('lake compacted', { ...summary, reports: undefined });
  return summary;
});
