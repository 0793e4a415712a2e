/**
 * The one wrapper of every Lambda entry point — HTTP, queue, stream, schedule. For each
 * invocation: the Powertools logger is reset and given the invocation's context (function,
 * request id, cold start) and a correlation id (the API's request id, the scheduled event's id,
 * else the invocation's request id); the business metrics recorded are published once it ends,
 * whatever the outcome; and an error that escapes is logged with those keys and counted
 * (`InvocationErrors`) before Lambda sees it and retries or reports it. No middleware engine:
 * queue and stream functions do not load one (the HTTP stack's middy runs inside this).
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { logger, metrics } from './observability.ts';

export type EntryKind = 'http' | 'queue' | 'stream' | 'schedule';

/** What ties an invocation's log lines together, and to the caller's or the event's own id. */
const correlationIdOf = (kind: EntryKind, event: unknown, context: Context): string => {
  const fromEvent =
    kind === 'http'
      ? (event as { requestContext?: { requestId?: string } }).requestContext?.requestId
      : kind === 'schedule'
        ? (event as { id?: string } | null)?.id
        : undefined;
  return typeof fromEvent === 'string' && fromEvent ? fromEvent : context.awsRequestId;
};

export const entryPoint =
  <E, R>(kind: EntryKind, handler: (event: E, context: Context) => Promise<R>) =>
  async (event: E, context: Context): Promise<R> => {
    logger.resetKeys();
    logger.addContext(context);
    logger.setCorrelationId(correlationIdOf(kind, event, context));
    try {
      return await handler(event, context);
    } catch (error) {
      logger.error('the invocation failed', error as Error);
      metrics.addMetric('InvocationErrors', MetricUnit.Count, 1);
      throw error;
    } finally {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
