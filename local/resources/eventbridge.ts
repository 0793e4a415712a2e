import {
  CreateArchiveCommand,
  CreateEventBusCommand,
  DescribeArchiveCommand,
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

/** The bus and its archive of every event (kept `retentionDays`), as the stack makes them; answers their ARNs. */
export const ensureBus = async (
  client: EventBridgeClient,
  bus: { name: string; archive: { name: string; retentionDays: number } },
): Promise<{ busArn: string; archiveArn: string }> => {
  let busArn: string | undefined;
  try {
    busArn = (await client.send(new DescribeEventBusCommand({ Name: bus.name }))).Arn;
  } catch (error) {
    if (!isMissing(error, 'ResourceNotFoundException')) throw error;
    busArn = (await client.send(new CreateEventBusCommand({ Name: bus.name }))).EventBusArn;
  }
  if (!busArn) throw new Error(`bus ${bus.name} has no ARN`);
  let archiveArn: string | undefined;
  try {
    archiveArn = (await client.send(new DescribeArchiveCommand({ ArchiveName: bus.archive.name })))
      .ArchiveArn;
  } catch (error) {
    if (!isMissing(error, 'ResourceNotFoundException')) throw error;
    archiveArn = (
      await client.send(
        new CreateArchiveCommand({
          ArchiveName: bus.archive.name,
          EventSourceArn: busArn,
          // As the stack's: every event of the bus comes from this account.
          EventPattern: JSON.stringify({ account: [busArn.split(':')[4]] }),
          RetentionDays: bus.archive.retentionDays,
        }),
      )
    ).ArchiveArn;
  }
  if (!archiveArn) throw new Error(`archive ${bus.archive.name} has no ARN`);
  return { busArn, archiveArn };
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
