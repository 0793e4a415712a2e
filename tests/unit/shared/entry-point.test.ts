/**
 * Every entry point (HTTP, queue, stream, schedule) logs with the invocation's context and a
 * correlation id, publishes the metrics it recorded whatever the outcome, and logs and counts an
 * error that escapes before Lambda sees it.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { lambdaContext } from '#local/lambda/lambda-context.ts';
import { entryPoint } from '#shared/entry-point.ts';
import { logger, metrics } from '#shared/observability.ts';

const context = { ...lambdaContext('test', 10), awsRequestId: 'invocation-7f3a' };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('entryPoint', () => {
  test.each([
    ['http', { requestContext: { requestId: 'api-request-1' } }, 'api-request-1'],
    ['schedule', { id: 'scheduled-event-9', 'detail-type': 'Scheduled Event' }, 'scheduled-event-9'],
    ['queue', { Records: [{ messageId: 'm-1' }] }, 'invocation-7f3a'],
    ['stream', { Records: [] }, 'invocation-7f3a'],
  ] as const)('a %s invocation logs under its correlation id', async (kind, event, expected) => {
    // Prepare
    let seen: unknown;
    const handler = entryPoint(kind, async () => {
      seen = logger.getCorrelationId();
      return 'done';
    });
    // Act
    const answer = await handler(event, context);
    // Assess
    expect(answer).toBe('done');
    expect(seen).toBe(expected);
  });

  test('an error that escapes is logged, counted and thrown again; the metrics are published anyway', async () => {
    // Prepare
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const published = vi.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => metrics);
    const counted = vi.spyOn(metrics, 'addMetric');
    const failure = new Error('the bus is down');
    const handler = entryPoint('queue', async () => {
      throw failure;
    });
    // Act
    const outcome = handler({ Records: [] }, context);
    // Assess
    await expect(outcome).rejects.toBe(failure);
    expect(logged).toHaveBeenCalledWith('the invocation failed', failure);
    expect(counted).toHaveBeenCalledWith('InvocationErrors', MetricUnit.Count, 1);
    expect(published).toHaveBeenCalledTimes(1);
  });
});
