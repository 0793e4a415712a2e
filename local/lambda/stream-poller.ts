/**
 * The sandbox's DynamoDB Streams event-source mapping: reads every shard of a table's stream
 * (parents before children, each shard in order), invokes the handler in process with Lambda's
 * DynamoDB stream event, and applies Lambda's retry rules: a failed batch is re-read from its
 * checkpoint and retried with backoff, a partial batch failure checkpoints the records before
 * the first failed one, and once retries are exhausted the failed records go to `onFailure`.
 */
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  type ShardIteratorType,
  type _Record as StreamsRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import {
  IdleWaiters,
  invokeHandler,
  type LambdaHandler,
  type Poller,
  pollerHandle,
  readBatchResponse,
  StopSwitch,
  sleep,
} from './lambda-context.ts';
import { byRecordAge, toEventRecord } from './stream-records.ts';

/** Records given up on once retries are exhausted, with the last error. */
export type StreamFailure = { records: DynamoDBRecord[]; error: Error };

export type StreamPollerOptions = {
  streamArn: string;
  functionName: string;
  handler: LambdaHandler<DynamoDBStreamEvent>;
  /** Records per invocation, 1 to 10,000. */
  batchSize: number;
  /** Retries of a failing batch before its records go to `onFailure`; -1 retries forever. */
  maxRetries: number;
  /** Records older than this go to `onFailure` unread by the handler; -1 for no limit. @default -1 */
  maxRecordAgeSeconds?: number;
  /** Split a batch whose invocation failed as a whole in two, and retry the halves. @default false */
  bisectOnError?: boolean;
  /** The function's timeout: a longer invocation fails the batch. */
  timeoutSeconds: number;
  /** In the context's `memoryLimitInMB`. @default 1024 */
  memoryMB?: number;
  /** Where to begin in the shards open when the poller starts (shards found later: from their start). */
  startingPosition: 'TRIM_HORIZON' | 'LATEST';
  /** The on-failure destination: thrown errors are reported to `onError`, and the poller moves on. */
  onFailure: (info: StreamFailure) => Promise<void>;
  /** @default a client from the standard SDK configuration (`AWS_ENDPOINT_URL`) */
  streams?: DynamoDBStreamsClient;
  /**
   * Told of failed invocations and polling errors (Lambda would log them).
   * @default console.error
   */
  onError?: (error: Error) => void;
};

/** Wait between polls of a shard that had nothing new. */
const emptyPollMs = 200;
/** Wait between looks for new shards (DynamoDB splits shards every few hours). */
const discoveryMs = 1000;
const errorBackoffMs = 1000;
const retryBackoffMs = (attempt: number) => Math.min(100 * 2 ** (attempt - 1), 2000);

type ShardState = {
  id: string;
  parentId: string | undefined;
  /** Iterator type of its first read: the starting position for shards open at start. */
  firstPosition: ShardIteratorType;
  /** Closed and read to its end (or gone). */
  finished: boolean;
  /** Tick at which the last empty read of the shard began; cleared when records arrive. */
  emptySince: number | undefined;
};

const errorName = (error: unknown) => (error as { name?: string } | null)?.name ?? '';

/**
 * Starts reading a DynamoDB stream for a handler with the semantics of Lambda's DynamoDB
 * Streams event-source mapping: ReportBatchItemFailures on, retries from the first failed
 * record, bisection of a batch that failed as a whole, a maximum record age, and the
 * on-failure destination.
 */
export const startStreamPoller = (options: StreamPollerOptions): Poller => {
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1 || options.batchSize > 10_000) {
    throw new Error(`batchSize ${options.batchSize} must be an integer from 1 to 10000`);
  }
  if (!Number.isInteger(options.maxRetries) || options.maxRetries < -1 || options.maxRetries > 10_000) {
    throw new Error(`maxRetries ${options.maxRetries} must be -1 (forever) or an integer from 0 to 10000`);
  }
  const streams = options.streams ?? new DynamoDBStreamsClient({});
  const onError = options.onError ?? ((error: Error) => console.error(`[${options.functionName}]`, error));
  const { streamArn } = options;
  const label = `${options.functionName} ← ${streamArn.split('/')[1] ?? streamArn} stream`;
  const shards = new Map<string, ShardState>();
  const workers: Promise<void>[] = [];
  const stopSwitch = new StopSwitch();
  let discovered = false;
  /** Increases at each read (and each look for shards); `idle()` compares against it. */
  let tick = 0;
  let discoverySince = -1;
  const waiters = new IdleWaiters<{ resolve: () => void; since: number }>();

  const settleWaiters = () => {
    waiters.release(
      (waiter) =>
        discoverySince > waiter.since &&
        [...shards.values()].every(
          (s) => s.finished || (s.emptySince !== undefined && s.emptySince > waiter.since),
        ),
    );
  };

  const iteratorAt = async (shard: ShardState, type: ShardIteratorType, sequenceNumber?: string) => {
    const answer = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.id,
        ShardIteratorType: type,
        ...(sequenceNumber && { SequenceNumber: sequenceNumber }),
      }),
    );
    return answer.ShardIterator;
  };

  const invoke = async (records: DynamoDBRecord[]) => {
    const outcome = await invokeHandler(options.handler, { Records: records }, options);
    if (!outcome.ok) return { failed: records, firstFailed: 0, error: outcome.error };
    const ids = records.map((r) => r.dynamodb?.SequenceNumber ?? '');
    const verdict = readBatchResponse(outcome.result, new Set(ids));
    if (verdict.kind === 'success') return undefined;
    if (verdict.kind === 'failure') return { failed: records, firstFailed: 0, error: verdict.error };
    const failed = records.filter((_, i) => verdict.failedIds.has(ids[i] ?? ''));
    const firstFailed = ids.findIndex((id) => verdict.failedIds.has(id));
    return {
      failed,
      firstFailed,
      error: new Error(`batchItemFailures: ${failed.length} of ${records.length}`),
    };
  };

  /** Hands records to the on-failure destination; if even that fails they are lost, as on AWS. */
  const giveUp = async (records: DynamoDBRecord[], error: Error) => {
    try {
      await options.onFailure({ records, error });
    } catch (failure) {
      onError(
        new Error(`${label}: onFailure failed; ${records.length} record(s) dropped`, { cause: failure }),
      );
    }
  };

  /** Reads one shard to its end (or until stop), in order, one batch at a time. */
  const readShard = async (shard: ShardState) => {
    while (!stopSwitch.stopping && shard.parentId && shards.get(shard.parentId)?.finished === false)
      await sleep(emptyPollMs, stopSwitch.signal);
    if (stopSwitch.stopping) return;
    let checkpoint: string | undefined;
    /** The batch being retried: the sequence number it starts at, and its retries so far. */
    let retry: { from: string; attempts: number } | undefined;
    /** Records per read: the batch size, or half the last batch after a whole failure (bisection). */
    let limit = options.batchSize;
    let iterator: string | undefined;
    const reposition = async () => {
      iterator = checkpoint
        ? await iteratorAt(shard, 'AFTER_SEQUENCE_NUMBER', checkpoint)
        : await iteratorAt(shard, shard.firstPosition);
    };
    /** After a failed GetRecords: whether reading the shard can go on. */
    const recover = async (error: unknown): Promise<boolean> => {
      const name = errorName(error);
      if (name === 'ResourceNotFoundException') {
        onError(new Error(`${label}: shard ${shard.id} is gone`, { cause: error }));
        return false;
      }
      try {
        if (name === 'ExpiredIteratorException') {
          await reposition();
        } else if (name === 'TrimmedDataAccessException') {
          // Records past the retention period are lost, as they would be on AWS.
          onError(new Error(`${label}: records trimmed from shard ${shard.id} before they were read`));
          checkpoint = undefined;
          iterator = await iteratorAt(shard, 'TRIM_HORIZON');
        } else {
          onError(new Error(`${label}: GetRecords failed on shard ${shard.id}`, { cause: error }));
          await sleep(errorBackoffMs, stopSwitch.signal);
        }
      } catch (again) {
        onError(new Error(`${label}: cannot reposition in shard ${shard.id}`, { cause: again }));
        await sleep(errorBackoffMs, stopSwitch.signal);
      }
      return true;
    };
    try {
      await reposition();
    } catch (error) {
      onError(new Error(`${label}: cannot read shard ${shard.id}`, { cause: error }));
      shard.finished = true;
      return;
    }
    while (!stopSwitch.stopping && iterator) {
      const startedAt = ++tick;
      let answer: { Records?: StreamsRecord[]; NextShardIterator?: string };
      try {
        answer = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: limit }));
      } catch (error) {
        if (!(await recover(error))) break;
        continue;
      }
      const raw = answer.Records ?? [];
      if (raw.length === 0) {
        iterator = answer.NextShardIterator;
        shard.emptySince = startedAt;
        settleWaiters();
        if (iterator) await sleep(emptyPollMs, stopSwitch.signal);
        continue;
      }
      shard.emptySince = undefined;
      const read = raw.map((record) => toEventRecord(record, streamArn));
      const { expired, fresh: records } = byRecordAge(read, options.maxRecordAgeSeconds ?? -1, Date.now());
      if (expired.length > 0) {
        await giveUp(expired, new Error(`${expired.length} record(s) older than the maximum record age`));
      }
      if (records.length === 0) {
        checkpoint = read.at(-1)?.dynamodb?.SequenceNumber;
        iterator = answer.NextShardIterator;
        continue;
      }
      const first = records[0]?.dynamodb?.SequenceNumber ?? '';
      const attempts = retry?.from === first ? retry.attempts : 0;
      const failure = await invoke(records);
      if (!failure) {
        retry = undefined;
        limit = options.batchSize;
        checkpoint = records.at(-1)?.dynamodb?.SequenceNumber;
        iterator = answer.NextShardIterator;
        continue;
      }
      if (failure.firstFailed > 0) checkpoint = records[failure.firstFailed - 1]?.dynamodb?.SequenceNumber;
      const retryFrom = records[failure.firstFailed]?.dynamodb?.SequenceNumber ?? first;
      // Retries count per failing record: a checkpoint that moved forward starts a new count.
      const used = retryFrom === first ? attempts : 0;
      onError(
        new Error(`${label}: batch of ${records.length} failed (attempt ${used + 1})`, {
          cause: failure.error,
        }),
      );
      if (options.maxRetries !== -1 && used >= options.maxRetries) {
        await giveUp(failure.failed, failure.error);
        retry = undefined;
        limit = options.batchSize;
        checkpoint = records.at(-1)?.dynamodb?.SequenceNumber;
        iterator = answer.NextShardIterator;
        continue;
      }
      retry = { from: retryFrom, attempts: used + 1 };
      const failedWhole = failure.firstFailed === 0 && failure.failed.length === records.length;
      if (options.bisectOnError && failedWhole && records.length > 1) limit = Math.ceil(records.length / 2);
      await sleep(retryBackoffMs(used + 1), stopSwitch.signal);
      // Lambda re-reads from the checkpoint, so the retried batch may take in newer records.
      while (!stopSwitch.stopping) {
        try {
          iterator = await iteratorAt(shard, 'AT_SEQUENCE_NUMBER', retryFrom);
          break;
        } catch (error) {
          onError(
            new Error(`${label}: cannot go back to ${retryFrom} in shard ${shard.id}`, { cause: error }),
          );
          await sleep(errorBackoffMs, stopSwitch.signal);
        }
      }
    }
    if (!stopSwitch.stopping) {
      shard.finished = true;
      settleWaiters();
    }
  };

  const listShards = async (): Promise<Shard[]> => {
    const found: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const answer = await streams.send(
        new DescribeStreamCommand({
          StreamArn: streamArn,
          ...(exclusiveStartShardId && { ExclusiveStartShardId: exclusiveStartShardId }),
        }),
      );
      found.push(...(answer.StreamDescription?.Shards ?? []));
      exclusiveStartShardId = answer.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return found;
  };

  const discover = async () => {
    while (!stopSwitch.stopping) {
      const startedAt = ++tick;
      try {
        for (const found of await listShards()) {
          if (!found.ShardId || shards.has(found.ShardId)) continue;
          const shard: ShardState = {
            id: found.ShardId,
            parentId: found.ParentShardId,
            firstPosition: discovered ? 'TRIM_HORIZON' : options.startingPosition,
            finished: false,
            emptySince: undefined,
          };
          shards.set(shard.id, shard);
          workers.push(readShard(shard));
        }
        discovered = true;
        discoverySince = startedAt;
        settleWaiters();
      } catch (error) {
        onError(new Error(`${label}: DescribeStream failed`, { cause: error }));
      }
      await sleep(discoveryMs, stopSwitch.signal);
    }
  };

  const running = discover().then(async () => {
    // Workers can be added until discovery ends; wait for all of them.
    for (let i = 0; i < workers.length; i++) await workers[i];
  });

  return pollerHandle({
    running,
    stopSwitch,
    waiters,
    newWaiter: (resolve) => ({ resolve, since: tick }),
  });
};
