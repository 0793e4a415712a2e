import {
  CreateEventBusCommand,
  DescribeEventBusCommand,
  DescribeRuleCommand,
  type EventBridgeClient,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { ruleDelivery } from '#infra/declaration/messaging.ts';
import { isMissing } from './missing.ts';
import type { PlannedRule } from './plan.ts';

export const ensureBus = async (client: EventBridgeClient, name: string) => {
  try {
    await client.send(new DescribeEventBusCommand({ Name: name }));
  } catch (error) {
    if (!isMissing(error, 'ResourceNotFoundException')) throw error;
    await client.send(new CreateEventBusCommand({ Name: name }));
  }
};

const samePattern = (a: string | undefined, b: string) =>
  a !== undefined && JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));

/** Puts the rule and its queue target unless they are already as planned; answers the rule ARN. */
export const ensureRule = async (
  client: EventBridgeClient,
  busName: string,
  rule: PlannedRule,
  queue: { arn: string; dlqArn: string },
) => {
  const queueArn = queue.arn;
  const pattern = JSON.stringify(rule.pattern);
  let arn: string | undefined;
  try {
    const current = await client.send(new DescribeRuleCommand({ Name: rule.name, EventBusName: busName }));
    if (samePattern(current.EventPattern, pattern) && current.State === 'ENABLED') {
      arn = current.Arn;
    }
  } catch (error) {
    if (!isMissing(error, 'ResourceNotFoundException')) throw error;
  }
  if (!arn) {
    arn = (
      await client.send(
        new PutRuleCommand({
          Name: rule.name,
          EventBusName: busName,
          EventPattern: pattern,
          Description: rule.description,
          State: 'ENABLED',
        }),
      )
    ).RuleArn;
  }
  const targets = await client.send(new ListTargetsByRuleCommand({ Rule: rule.name, EventBusName: busName }));
  if (!targets.Targets?.some((target) => target.Arn === queueArn)) {
    const answer = await client.send(
      new PutTargetsCommand({
        Rule: rule.name,
        EventBusName: busName,
        Targets: [
          {
            Id: 'queue',
            Arn: queueArn,
            DeadLetterConfig: { Arn: queue.dlqArn },
            RetryPolicy: {
              MaximumRetryAttempts: ruleDelivery.retryAttempts,
              MaximumEventAgeInSeconds: ruleDelivery.maxEventAgeSeconds,
            },
          },
        ],
      }),
    );
    if (answer.FailedEntryCount) {
      throw new Error(
        `Could not target ${queueArn} from rule ${rule.name}: ${JSON.stringify(answer.FailedEntries)}`,
      );
    }
  }
  if (!arn) throw new Error(`EventBridge gave no ARN for rule ${rule.name}`);
  return arn;
};
