/**
 * The sandbox's SQS event-source mapping: long-polls a queue, gathers batches (batch size,
 * batching window), invokes the handler in process with Lambda's SQS event, and deletes what
 * succeeded, honouring partial batch failure responses. Messages not deleted come back after
 * the queue's visibility timeout, and the queue's own redrive policy moves them to its DLQ
 * (moto and LocalStack both apply `maxReceiveCount` on receive, so the poller does not).
 * Several batches run at once, as in the cloud (2 by default, the least Lambda allows a
 * mapping): races between invocations show in the sandbox too.
 */
import { createHash } from 'node:crypto';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttribute, SQSRecord, SQSRecordAttributes } from 'aws-lambda';
import {
  IdleWaiters,
  invokeHandler,
  type LambdaHandler,
  type Poller,
  pollerHandle,
  readBatchResponse,
  regionOfArn,
  StopSwitch,
  sleep,
} from './lambda-context.ts';

export type QueuePollerOptions = {
  queueUrl: string;
  /** Put in each record's `eventSourceARN`. */
  queueArn: string;
  functionName: string;
  handler: LambdaHandler<SQSEvent>;
  /** Records per invocation, 1 to 10,000 (above 10 needs a batching window, as on AWS). */
  batchSize: number;
  /** Longest wait to fill a batch once its first message arrived, 0 to 300. */
  maxBatchingWindowSeconds: number;
  /** The function's timeout: a longer invocation fails the whole batch. */
  timeoutSeconds: number;
  /**
   * Invocations at once (the mapping's maximum concurrency); 1 only where a test needs the
   * order of one poller. @default 2
   */
  concurrency?: number;
  /** In the context's `memoryLimitInMB`. @default 1024 */
  memoryMB?: number;
  /** @default a client from the standard SDK configuration (`AWS_ENDPOINT_URL`) */
  sqs?: SQSClient;
  /**
   * Told of failed invocations, whole-batch failures and polling errors (Lambda would log them).
   * @default console.error
   */
  onError?: (error: Error) => void;
};

/** Seconds of each long poll: short, so that `stop()` and `idle()` answer quickly. */
const pollSeconds = 1;
const errorBackoffMs = 1000;

const validate = (o: QueuePollerOptions) => {
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1 || o.batchSize > 10_000) {
    throw new Error(`batchSize ${o.batchSize} must be an integer from 1 to 10000`);
  }
  if (!(o.maxBatchingWindowSeconds >= 0 && o.maxBatchingWindowSeconds <= 300)) {
    throw new Error(`maxBatchingWindowSeconds ${o.maxBatchingWindowSeconds} must be from 0 to 300`);
  }
  if (o.batchSize > 10 && o.maxBatchingWindowSeconds < 1) {
    throw new Error(`batchSize ${o.batchSize} above 10 needs maxBatchingWindowSeconds of at least 1`);
  }
  if (!(o.timeoutSeconds > 0)) throw new Error(`timeoutSeconds ${o.timeoutSeconds} must be positive`);
  if (o.concurrency !== undefined && !(Number.isInteger(o.concurrency) && o.concurrency >= 1)) {
    throw new Error(`concurrency ${o.concurrency} must be a positive integer`);
  }
};

/** The least maximum concurrency Lambda allows an SQS mapping. */
export const defaultQueueConcurrency = 2;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const toRecordAttribute = (value: MessageAttributeValue): SQSMessageAttribute => ({
  ...(value.StringValue !== undefined && { stringValue: value.StringValue }),
  ...(value.BinaryValue !== undefined && { binaryValue: base64(value.BinaryValue) }),
  stringListValues: value.StringListValues ?? [],
  binaryListValues: (value.BinaryListValues ?? []).map(base64),
  dataType: value.DataType ?? 'String',
});

/** Lambda's SQS record for a received message. */
const toRecord = (message: Message, queueArn: string): SQSRecord => {
  const body = message.Body ?? '';
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body,
    attributes: { ...message.Attributes } as SQSRecordAttributes,
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        toRecordAttribute(value),
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? createHash('md5').update(body).digest('hex'),
    ...(message.MD5OfMessageAttributes && { md5OfMessageAttributes: message.MD5OfMessageAttributes }),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: regionOfArn(queueArn),
  };
};

/**
 * A waiter of `idle()`: the queue is idle once every loop, having started a receive after the
 * waiter came, found nothing, with no batch received in between (a loop finding the queue
 * empty may only mean another loop just took its messages).
 */
type IdleWaiter = { resolve: () => void; armed: Set<number>; empty: Set<number> };

/**
 * Starts polling a queue for a handler with the semantics of Lambda's SQS event-source
 * mapping: `concurrency` loops, each gathering a batch and invoking the handler with it.
 */
export const startQueuePoller = (options: QueuePollerOptions): Poller => {
  validate(options);
  const sqs = options.sqs ?? new SQSClient({});
  const onError = options.onError ?? ((error: Error) => console.error(`[${options.functionName}]`, error));
  const label = `${options.functionName} ← ${options.queueArn.split(':').at(-1)}`;
  const stopSwitch = new StopSwitch();
  const loops = options.concurrency ?? defaultQueueConcurrency;
  const waiters = new IdleWaiters<IdleWaiter>();

  const receive = async (max: number, waitSeconds: number): Promise<Message[]> => {
    const answer = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: options.queueUrl,
        MaxNumberOfMessages: Math.min(10, max),
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    return answer.Messages ?? [];
  };

  /** Gathers a batch: the first receive long-polls, then the batching window fills it. */
  const gather = async (loop: number): Promise<Message[]> => {
    for (const waiter of waiters.list) waiter.armed.add(loop);
    const batch = await receive(options.batchSize, pollSeconds);
    if (batch.length === 0) return batch;
    for (const waiter of waiters.list) waiter.empty.clear();
    const windowEnd = Date.now() + options.maxBatchingWindowSeconds * 1000;
    while (batch.length < options.batchSize && !stopSwitch.stopping) {
      const left = windowEnd - Date.now();
      if (left <= 0) break;
      const more = await receive(options.batchSize - batch.length, left >= 1000 ? pollSeconds : 0);
      batch.push(...more);
      if (more.length === 0 && left < 1000) await sleep(Math.min(left, 100), stopSwitch.signal);
    }
    return batch;
  };

  const deleteMessages = async (records: SQSRecord[]) => {
    for (let i = 0; i < records.length; i += 10) {
      const chunk = records.slice(i, i + 10);
      const answer = await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: options.queueUrl,
          Entries: chunk.map((record, j) => ({ Id: String(j), ReceiptHandle: record.receiptHandle })),
        }),
      );
      for (const failed of answer.Failed ?? []) {
        const record = chunk[Number(failed.Id)];
        onError(
          new Error(
            `${label}: could not delete message ${record?.messageId}: ${failed.Message ?? failed.Code}`,
          ),
        );
      }
    }
  };

  const processBatch = async (messages: Message[]) => {
    const records = messages.map((message) => toRecord(message, options.queueArn));
    const outcome = await invokeHandler(options.handler, { Records: records }, options);
    if (!outcome.ok) {
      onError(
        new Error(`${label}: invocation failed, ${records.length} message(s) kept`, { cause: outcome.error }),
      );
      return;
    }
    const verdict = readBatchResponse(outcome.result, new Set(records.map((r) => r.messageId)));
    if (verdict.kind === 'failure') {
      onError(new Error(`${label}: ${verdict.error.message}, ${records.length} message(s) kept`));
      return;
    }
    const done =
      verdict.kind === 'partial' ? records.filter((r) => !verdict.failedIds.has(r.messageId)) : records;
    await deleteMessages(done);
  };

  /** AWS refuses a mapping whose queue hides messages for less than the function's timeout. */
  const checkVisibilityTimeout = async () => {
    const answer = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: options.queueUrl, AttributeNames: ['VisibilityTimeout'] }),
    );
    const visibility = Number(answer.Attributes?.VisibilityTimeout);
    if (visibility < options.timeoutSeconds) {
      onError(
        new Error(
          `${label}: queue visibility timeout ${visibility} s is shorter than the function timeout ` +
            `${options.timeoutSeconds} s; AWS would refuse this event-source mapping`,
        ),
      );
    }
  };

  /** One loop found the queue empty: resolves the waiters every loop has now found it empty for. */
  const foundEmpty = (loop: number) => {
    for (const waiter of waiters.list) if (waiter.armed.has(loop)) waiter.empty.add(loop);
    waiters.release((waiter) => waiter.empty.size === loops);
  };

  const loop = async (index: number) => {
    while (!stopSwitch.stopping) {
      try {
        const batch = await gather(index);
        if (batch.length === 0) {
          foundEmpty(index);
          continue;
        }
        await processBatch(batch);
      } catch (error) {
        onError(new Error(`${label}: polling failed`, { cause: error }));
        if (!stopSwitch.stopping) await sleep(errorBackoffMs, stopSwitch.signal);
      }
    }
  };

  const running = checkVisibilityTimeout()
    .catch((error: unknown) =>
      onError(new Error(`${label}: cannot read the queue's attributes`, { cause: error })),
    )
    .then(async () => {
      await Promise.all(Array.from({ length: loops }, (_, index) => loop(index)));
    });

  return pollerHandle({
    running,
    stopSwitch,
    waiters,
    newWaiter: (resolve) => ({ resolve, armed: new Set(), empty: new Set() }),
  });
};
