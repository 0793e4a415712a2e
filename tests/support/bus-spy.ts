/**
 * Watches a sandbox's event bus from a test: a queue of its own behind a rule, so the test sees
 * what reached the bus without competing with the sandbox's consumers (the lake archiver).
 */
import { randomBytes } from 'node:crypto';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';

export type BusEvent = { id: string; source: string; 'detail-type': string; detail: Record<string, unknown> };

export const spyOnBus = async (busName: string, pattern: Record<string, unknown>) => {
  const sqs = new SQSClient({});
  const events = new EventBridgeClient({});
  const name = `spy-${randomBytes(4).toString('hex')}`;
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  await events.send(
    new PutRuleCommand({ Name: name, EventBusName: busName, EventPattern: JSON.stringify(pattern) }),
  );
  await events.send(
    new PutTargetsCommand({
      Rule: name,
      EventBusName: busName,
      Targets: [{ Id: 'spy', Arn: Attributes!.QueueArn! }],
    }),
  );
  const seen: BusEvent[] = [];
  return {
    /** Waits until `enough(seen)` holds (or ~30 s pass) and answers everything seen so far. */
    until: async (enough: (seen: BusEvent[]) => boolean): Promise<BusEvent[]> => {
      for (let round = 0; round < 30 && !enough(seen); round++) {
        const batch = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
        );
        for (const message of batch.Messages ?? []) seen.push(JSON.parse(message.Body!));
        if (batch.Messages?.length) {
          await sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl,
              Entries: batch.Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
            }),
          );
        }
      }
      return seen;
    },
  };
};
