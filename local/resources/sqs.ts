import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  type QueueAttributeName,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { isMissing } from './missing.ts';

type QueueAttributes = Partial<Record<QueueAttributeName, string>>;

const sameAttribute = (name: string, current: string | undefined, wanted: string): boolean => {
  if (current === undefined) return false;
  if (name === 'RedrivePolicy' || name === 'Policy') {
    const a = JSON.parse(current) as Record<string, unknown>;
    const b = JSON.parse(wanted) as Record<string, unknown>;
    // Emulators and AWS differ on number-or-string; the values are what matter.
    return (
      JSON.stringify(a, (_k, v) => (typeof v === 'number' ? String(v) : v)) ===
      JSON.stringify(b, (_k, v) => (typeof v === 'number' ? String(v) : v))
    );
  }
  return current === wanted;
};

/** Creates the queue, or brings an existing one to `attributes`; answers its URL and ARN. */
export const ensureQueue = async (client: SQSClient, name: string, attributes: QueueAttributes) => {
  let url: string | undefined;
  try {
    url = (await client.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
  } catch (error) {
    if (!isMissing(error, 'QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue')) throw error;
  }
  if (!url) {
    url = (await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl;
  } else {
    await setChangedAttributes(client, url, attributes);
  }
  if (!url) throw new Error(`SQS gave no URL for queue ${name}`);
  const answer = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  const arn = answer.Attributes?.QueueArn;
  if (!arn) throw new Error(`SQS gave no ARN for queue ${name}`);
  return { url, arn };
};

export const setChangedAttributes = async (client: SQSClient, url: string, attributes: QueueAttributes) => {
  const names = Object.keys(attributes) as QueueAttributeName[];
  const current = (await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: names })))
    .Attributes as QueueAttributes | undefined;
  const changed = Object.fromEntries(
    names.flatMap((name) => {
      const wanted = attributes[name];
      return wanted === undefined || sameAttribute(name, current?.[name], wanted) ? [] : [[name, wanted]];
    }),
  );
  if (Object.keys(changed).length) {
    await client.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: changed }));
  }
};

/** Lets EventBridge (only the given rules) send to the queue, as the CDK target does. */
export const queuePolicy = (queueArn: string, ruleArns: string[]): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: ruleArns.map((ruleArn, i) => ({
      Sid: `AllowEventRule${i}`,
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: queueArn,
      Condition: { ArnEquals: { 'aws:SourceArn': ruleArn } },
    })),
  });
