/**
 * What the Lambda service does around a handler, for the sandbox's in-process invocations:
 * a realistic `Context` (request id, remaining time, ARNs, log names), an invocation that fails
 * like Lambda when the function runs past its timeout, and the reading of a partial batch
 * failure response shared by the queue and stream pollers.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/** A Lambda handler as the sandbox calls it: async, event and context. */
export type LambdaHandler<E = unknown, R = unknown> = (event: E, context: Context) => Promise<R>;

/** A running event-source mapping of the sandbox (queue or stream poller). */
export type Poller = {
  /** Stops polling; resolves once the batch in hand, if any, is finished. */
  stop(): Promise<void>;
  /** Resolves when a poll begun after this call came back empty with no batch in flight. */
  idle(): Promise<void>;
};

/**
 * The waiters of a poller's `idle()`: each poller decides when one is satisfied (`release`);
 * they are all released when the poller ends.
 */
export class IdleWaiters<W extends { resolve: () => void }> {
  list: W[] = [];
  add(waiter: W): void {
    this.list.push(waiter);
  }
  /** Resolves and forgets the waiters `ready` says are satisfied. */
  release(ready: (waiter: W) => boolean): void {
    const done = this.list.filter(ready);
    this.list = this.list.filter((waiter) => !done.includes(waiter));
    for (const waiter of done) waiter.resolve();
  }
  releaseAll(): void {
    this.release(() => true);
  }
}

/** What tells a poller's loops to end: a flag they check, and a signal their sleeps obey. */
export class StopSwitch {
  stopping = false;
  readonly #controller = new AbortController();
  get signal(): AbortSignal {
    return this.#controller.signal;
  }
  stop(): void {
    this.stopping = true;
    this.#controller.abort();
  }
}

/**
 * The `Poller` of polling loops that run until `running` settles: `stop` asks them to end and
 * waits for them; `idle` adds a waiter made by `newWaiter` (or, once stopping, waits for the end).
 */
export const pollerHandle = <W extends { resolve: () => void }>(options: {
  running: Promise<unknown>;
  stopSwitch: StopSwitch;
  waiters: IdleWaiters<W>;
  newWaiter: (resolve: () => void) => W;
}): Poller => {
  const ended = options.running.finally(() => options.waiters.releaseAll()).then(() => undefined);
  return {
    stop: async () => {
      options.stopSwitch.stop();
      await ended;
    },
    idle: () =>
      options.stopSwitch.stopping
        ? ended
        : new Promise<void>((resolve) => {
            options.waiters.add(options.newWaiter(resolve));
          }),
  };
};

/** Account the emulator answers for (moto's default); real credentials are never used locally. */
export const sandboxAccountId = process.env.AWS_ACCOUNT_ID ?? '123456789012';

/** Region of the sandbox, as the SDK would resolve it. */
export const sandboxRegion = (): string =>
  process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'eu-west-3';

export type LambdaContextOptions = {
  /** @default 1024 */
  memoryMB?: number;
  /** @default `AWS_REGION` */
  region?: string;
  /** @default `AWS_ACCOUNT_ID` or moto's 123456789012 */
  accountId?: string;
};

const logStreamName = (now: Date) => {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
};

/**
 * Builds the `Context` of one invocation; `getRemainingTimeInMillis` counts down from the
 * function's timeout starting now, so handlers that budget their time behave as in the cloud.
 */
export const lambdaContext = (
  functionName: string,
  timeoutSeconds: number,
  options: LambdaContextOptions = {},
): Context => {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const region = options.region ?? sandboxRegion();
  const accountId = options.accountId ?? sandboxAccountId;
  const deprecated = (name: string) => () => {
    throw new Error(
      `context.${name}() is not supported by the sandbox: return or throw from an async handler`,
    );
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}`,
    memoryLimitInMB: String(options.memoryMB ?? 1024),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: logStreamName(new Date()),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: deprecated('done'),
    fail: deprecated('fail'),
    succeed: deprecated('succeed'),
  };
};

/** Thrown (as the invocation's error) when a handler runs past its timeout. */
export class LambdaTimeoutError extends Error {
  override name = 'Sandbox.Timedout';
}

export type InvocationOutcome = { ok: true; result: unknown } | { ok: false; error: Error };

/**
 * Invokes a handler once, in process, with a fresh context. The outcome is an error when the
 * handler throws or runs past `timeoutSeconds` (the late result is then ignored, as Lambda
 * would have killed the sandbox); it never rejects.
 */
export const invokeHandler = async <E>(
  handler: LambdaHandler<E>,
  event: E,
  options: { functionName: string; timeoutSeconds: number } & LambdaContextOptions,
): Promise<InvocationOutcome> => {
  const context = lambdaContext(options.functionName, options.timeoutSeconds, options);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<InvocationOutcome>((resolve) => {
    timer = setTimeout(() => {
      const seconds = options.timeoutSeconds.toFixed(2);
      resolve({ ok: false, error: new LambdaTimeoutError(`Task timed out after ${seconds} seconds`) });
    }, options.timeoutSeconds * 1000);
  });
  const run = (async (): Promise<InvocationOutcome> => {
    try {
      return { ok: true, result: await handler(event, context) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
    }
  })();
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

export type BatchVerdict =
  | { kind: 'success' }
  | { kind: 'partial'; failedIds: ReadonlySet<string> }
  | { kind: 'failure'; error: Error };

/**
 * Reads a handler's answer to a batch as Lambda's event-source mappings do (ReportBatchItemFailures):
 * nothing, or no/empty `batchItemFailures`, is full success; an item whose `itemIdentifier` is
 * missing, empty or not one of `batchIds` makes the whole batch a failure.
 */
export const readBatchResponse = (result: unknown, batchIds: ReadonlySet<string>): BatchVerdict => {
  if (result === null || result === undefined || typeof result !== 'object') return { kind: 'success' };
  const failures = (result as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === null || failures === undefined) return { kind: 'success' };
  if (!Array.isArray(failures)) {
    return { kind: 'failure', error: new Error('batchItemFailures is not a list: the whole batch failed') };
  }
  if (failures.length === 0) return { kind: 'success' };
  const failedIds = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '' || !batchIds.has(id)) {
      const shown = JSON.stringify(id ?? null);
      return {
        kind: 'failure',
        error: new Error(`batchItemFailures names ${shown}, not in the batch: the whole batch failed`),
      };
    }
    failedIds.add(id);
  }
  return { kind: 'partial', failedIds };
};

/** Region of an ARN (`arn:aws:<service>:<region>:...`), or the sandbox's region. */
export const regionOfArn = (arn: string): string => arn.split(':')[3] || sandboxRegion();

/** Resolves after `ms` milliseconds, or as soon as `signal` aborts (it never rejects). */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
