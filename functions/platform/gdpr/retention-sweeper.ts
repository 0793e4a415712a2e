/**
 * Retention sweeper: every day (schedule `customerRetention`), the customer files past their
 * retention get their erasure (`retention/sweep-retention.ts`). Invoked by hand with
 * `{ "dryRun": true }` it lists the files that would go and changes nothing; `asOf` runs it as
 * of another day.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { IsoDate } from '#schemas/common.ts';
import * as z from '#schemas/zod.ts';
import { entryPoint } from '#shared/entry-point.ts';
import { logger, metrics } from '#shared/observability.ts';
import { type RetentionSweep, sweepRetention } from './retention/sweep-retention.ts';

/** The schedule's event, or a run by hand. */
export const SweepRequest = z.union([
  z.strictObject({ dryRun: z.optional(z.boolean()), asOf: z.optional(IsoDate) }),
  z.looseObject({ source: z.literal('aws.events'), 'detail-type': z.literal('Scheduled Event') }),
]);

export const handler = entryPoint('schedule', async (event: unknown): Promise<RetentionSweep> => {
  const request = SweepRequest.parse(event);
  const day =
    'asOf' in request && typeof request.asOf === 'string'
      ? request.asOf
      : new Date().toISOString().slice(0, 10);
  const dryRun = 'dryRun' in request && request.dryRun === true;
  const sweep = await sweepRetention(day, { dryRun });
  if (!dryRun)
    metrics.addMetric('RetentionErasuresOpened', MetricUnit.Count, sweep.due.length - sweep.alreadyUnderWay);
  logger.info(dryRun ? 'customer retention: what would go' : 'customer retention applied', {
    day,
    due: sweep.due.length,
    alreadyUnderWay: sweep.alreadyUnderWay,
    lookedAgainLater: sweep.lookedAgainLater,
  });
  return sweep;
});
