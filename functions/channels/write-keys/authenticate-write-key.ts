/** The channel of a usable write key; a refusal is counted (a spike means a leaked or old key). */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { metrics } from '#shared/observability.ts';
import { looksLikeWriteKey } from '../domain/write-keys.ts';
import { authenticate } from '../store/write-keys-store.ts';

export const authenticateWriteKey = async (secret: string | undefined) => {
  const writeKey = looksLikeWriteKey(secret) ? await authenticate(secret) : undefined;
  if (!writeKey) metrics.addMetric('IngestRefusedWriteKey', MetricUnit.Count, 1);
  return writeKey;
};
