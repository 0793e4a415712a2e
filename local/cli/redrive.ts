/**
 * `npm run redrive -- <queue> [--dry-run] [--sandbox <prefix>]`: moves the messages of a
 * queue's DLQ (`<queue>-dlq`) back to the queue, in the running sandbox, with progress and a
 * count at the end. In the cloud, SQS `StartMessageMoveTask` does this; moto lacks it, so the
 * move is receive → send → delete, and a message leaves the DLQ only once its copy is in the
 * queue (a crash half-way may duplicate a message, never lose one: consumers are idempotent).
 * Only the messages in the DLQ when the move starts are moved, so a message that fails again
 * and comes back cannot keep the move going forever.
 */
import './node-version.ts';
import { fileURLToPath } from 'node:url';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { type QueueName, queues } from '#infra/declaration/messaging.ts';
import { runningSandbox } from './running-sandbox.ts';

export type RedriveOptions = {
  sqs: SQSClient;
  /** The DLQ the messages are in. */
  fromUrl: string;
  /** The queue they go back to. */
  toUrl: string;
  /** Count what would move, and move nothing. @default false */
  dryRun?: boolean;
  /** Most messages moved. @default the DLQ's message count when the move starts */
  maxMessages?: number;
  /** Told after each batch: messages moved so far, and the total expected. */
  onProgress?: (moved: number, total: number) => void;
};

export type RedriveResult = {
  /** Messages in the DLQ when the move started. */
  found: number;
  /** Messages now back in the queue (0 on a dry run). */
  moved: number;
  /** Messages whose send failed: still in the DLQ. */
  failed: number;
};

/** Seconds a received DLQ message stays hidden while it is being moved. */
const moveVisibilitySeconds = 60;

const countMessages = async (sqs: SQSClient, url: string): Promise<number> => {
  const answer = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages'],
    }),
  );
  return Number(answer.Attributes?.ApproximateNumberOfMessages ?? 0);
};

/** Sends a batch to the queue; answers the messages whose copy is there. */
const sendCopies = async (sqs: SQSClient, toUrl: string, messages: Message[]): Promise<Message[]> => {
  const answer = await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: toUrl,
      Entries: messages.map((message, index) => ({
        Id: String(index),
        MessageBody: message.Body ?? '',
        ...(message.MessageAttributes && Object.keys(message.MessageAttributes).length > 0
          ? { MessageAttributes: message.MessageAttributes }
          : {}),
      })),
    }),
  );
  return (answer.Successful ?? []).map((entry) => messages[Number(entry.Id)]).filter((m) => m !== undefined);
};

/**
 * Moves the messages of `fromUrl` to `toUrl` (receive, send, then delete what was sent).
 * Messages whose send failed stay in the DLQ and are counted as failed.
 */
export const redriveMessages = async (options: RedriveOptions): Promise<RedriveResult> => {
  const { sqs } = options;
  const found = await countMessages(sqs, options.fromUrl);
  const total = Math.min(found, options.maxMessages ?? found);
  if (options.dryRun || total === 0) return { found, moved: 0, failed: 0 };

  let moved = 0;
  let failed = 0;
  let emptyReceives = 0;
  // Two empty receives in a row end the move: SQS may answer empty while messages remain.
  while (moved + failed < total && emptyReceives < 2) {
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: options.fromUrl,
        MaxNumberOfMessages: Math.min(10, total - moved - failed),
        WaitTimeSeconds: 1,
        VisibilityTimeout: moveVisibilitySeconds,
        MessageAttributeNames: ['All'],
      }),
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) {
      emptyReceives++;
      continue;
    }
    emptyReceives = 0;
    const sent = await sendCopies(sqs, options.toUrl, messages);
    failed += messages.length - sent.length;
    if (sent.length > 0) {
      const deleted = await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: options.fromUrl,
          Entries: sent.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle ?? '',
          })),
        }),
      );
      // A copy that could not be deleted from the DLQ is moved all the same (it may come twice).
      if (deleted.Failed?.length) {
        process.stderr.write(`warning: ${deleted.Failed.length} message(s) copied but left in the DLQ\n`);
      }
    }
    moved += sent.length;
    options.onProgress?.(moved, total);
  }
  return { found, moved, failed };
};

const usage = `Usage: npm run redrive -- <queue> [--dry-run] [--sandbox <prefix>]
  <queue>   a declared queue: ${Object.keys(queues).join(', ')}
Moves the messages of <queue>-dlq back to <queue> in the running sandbox.`;

const main = async (args: string[]) => {
  const dryRun = args.includes('--dry-run');
  const sandboxAt = args.indexOf('--sandbox');
  const prefix = sandboxAt >= 0 ? args[sandboxAt + 1] : 'relais';
  const queue = args.find((arg, i) => !arg.startsWith('--') && (sandboxAt < 0 || i !== sandboxAt + 1));
  if (!queue || !prefix || !(queue in queues)) {
    process.stderr.write(`${queue ? `Unknown queue '${queue}'.\n` : ''}${usage}\n`);
    process.exit(2);
  }
  const state = await runningSandbox(prefix);
  const { emulatorEnvironment } = await import('../emulator.ts');
  Object.assign(process.env, emulatorEnvironment(state.awsEndpoint));
  const { progressBar } = await import('../progress.ts');
  const sqs = new SQSClient({});
  const name = `${state.prefix}-${queue as QueueName}`;
  const urlOf = async (queueName: string) =>
    (await sqs.send(new GetQueueUrlCommand({ QueueName: queueName }))).QueueUrl ?? '';
  const [toUrl, fromUrl] = [await urlOf(name), await urlOf(`${name}-dlq`)];
  let bar: ReturnType<typeof progressBar> | undefined;
  let shown = 0;
  const result = await redriveMessages({
    sqs,
    fromUrl,
    toUrl,
    dryRun,
    onProgress: (moved, total) => {
      bar ??= progressBar({ label: `${name}-dlq → ${name}`, total });
      bar.tick(moved - shown);
      shown = moved;
    },
  });
  bar?.done();
  if (dryRun) {
    process.stdout.write(
      `${result.found} message(s) in ${name}-dlq would be moved back to ${name} (dry run).\n`,
    );
  } else {
    process.stdout.write(
      `${result.moved} message(s) moved from ${name}-dlq back to ${name}` +
        `${result.failed ? `; ${result.failed} could not be sent and stay in the DLQ` : ''}.\n`,
    );
  }
  if (result.failed > 0) process.exit(1);
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv.slice(2));
}
