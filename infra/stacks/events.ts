/**
 * Messaging: the declared SQS queues with their DLQs, the custom EventBridge bus with its
 * archive, and the static rules routing bus events to queues.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import { EventBus, type EventPattern, Match, Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  bus,
  type QueueName,
  queues,
  type RuleDeclaration,
  ruleDelivery,
  rules,
} from '../declaration/messaging.ts';

/** How long a message that failed every receive stays in its DLQ for inspection and redrive. */
export const dlqRetention = Duration.days(14);

const pascal = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

type PatternValues = NonNullable<RuleDeclaration['pattern']['source']>;

/** EventBridge matchers of a declared list: plain values, or `{ prefix }` objects. */
const matchers = (values: PatternValues): string[] =>
  values.flatMap((value) => (typeof value === 'string' ? [value] : Match.prefix(value.prefix)));

/** The CDK form of a declared pattern; it renders to the very same JSON the sandbox puts. */
export const eventPattern = (pattern: RuleDeclaration['pattern']): EventPattern => ({
  source: pattern.source ? matchers(pattern.source) : undefined,
  detailType: pattern['detail-type'] ? [...pattern['detail-type']] : undefined,
  // Content filters (`{ exists: true }`, prefixes…) are EventBridge JSON already: passed as they are.
  detail: pattern.detail
    ? Object.fromEntries(Object.entries(pattern.detail).map(([field, values]) => [field, [...values]]))
    : undefined,
});

/** Queues (each with its DLQ), the bus, its archive and the static rules. */
export class Messaging extends Construct {
  readonly queues: Record<QueueName, Queue>;
  readonly deadLetterQueues: Record<QueueName, Queue>;
  readonly bus: EventBus;
  readonly rules: Record<string, Rule>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const names = Object.keys(queues) as QueueName[];
    this.deadLetterQueues = Object.fromEntries(
      names.map((name) => [
        name,
        new Queue(this, `${pascal(name)}Dlq`, {
          retentionPeriod: dlqRetention,
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
        }),
      ]),
    ) as Record<QueueName, Queue>;
    this.queues = Object.fromEntries(
      names.map((name) => [
        name,
        new Queue(this, `${pascal(name)}Queue`, {
          visibilityTimeout: Duration.seconds(queues[name].visibilityTimeout),
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          deadLetterQueue: {
            queue: this.deadLetterQueues[name],
            maxReceiveCount: queues[name].maxReceiveCount,
          },
        }),
      ]),
    ) as Record<QueueName, Queue>;

    this.bus = new EventBus(this, 'Bus', {
      eventBusName: bus.name,
      description: 'Relais domain and channel events',
    });
    this.bus.archive('Archive', {
      description: 'Every event of the Relais bus, for replays',
      // An archive needs a pattern; every event on this bus comes from this account.
      eventPattern: { account: [Stack.of(this).account] },
      retention: Duration.days(bus.archiveRetentionDays),
    });

    this.rules = Object.fromEntries(
      Object.entries(rules).map(([name, declared]: [string, RuleDeclaration]) => {
        const rule = new Rule(this, `${pascal(name)}Rule`, {
          eventBus: this.bus,
          description: declared.description,
          eventPattern: eventPattern(declared.pattern),
        });
        rule.addTarget(
          new SqsQueue(this.queues[declared.target.queue], {
            deadLetterQueue: this.deadLetterQueues[declared.target.queue],
            retryAttempts: ruleDelivery.retryAttempts,
            maxEventAge: Duration.seconds(ruleDelivery.maxEventAgeSeconds),
          }),
        );
        return [name, rule];
      }),
    );
  }
}
