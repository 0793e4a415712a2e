/**
 * Alarms: one SNS topic the operators subscribe to (stack output `AlarmTopicArn`), and an
 * alarm on every DLQ (a message that could not be handled), on the stream's give-up queue,
 * and on every function's errors and throttles. Nothing in Relais fails silently.
 */
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RelaisFunction } from '../constructs/relais-function.ts';
import type { FunctionName } from '../declaration/functions.ts';
import type { QueueName } from '../declaration/messaging.ts';

export type AlarmsProps = {
  deadLetterQueues: Record<QueueName, IQueue>;
  /** Queues nothing consumes, where a message means something was given up on. */
  giveUpQueues: Record<string, IQueue>;
  functions: Record<FunctionName, RelaisFunction>;
};

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export class Alarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Relais alarms',
      masterKey: new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'Relais alarm topic' }),
      enforceSSL: true,
    });
    const action = new SnsAction(this.topic);
    const alarm = (name: string, metric: IMetric, description: string) =>
      new Alarm(this, name, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }).addAlarmAction(action);

    for (const [name, queue] of Object.entries({ ...props.deadLetterQueues, ...props.giveUpQueues })) {
      const dlq = name in props.deadLetterQueues;
      alarm(
        `${pascal(name)}${dlq ? 'Dlq' : ''}Messages`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        dlq
          ? `Messages of ${name} that could not be handled: inspect them, fix, then npm run redrive -- ${name}`
          : `${name}: work given up on; read docs/operations.md`,
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${pascal(name)}Errors`, fn.metricErrors({ period: Duration.minutes(5) }), `${name} failed`);
      alarm(
        `${pascal(name)}Throttles`,
        fn.metricThrottles({ period: Duration.minutes(5) }),
        `${name} was throttled`,
      );
    }
  }
}
