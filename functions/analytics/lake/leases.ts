/**
 * Leases on the lake's partitions: the compactor and an erasure both rewrite a partition's files
 * (read some, write one, delete those read), so one at a time. A lease is a conditional put in
 * the ingest table, taken for `leaseSeconds` — longer than any holder runs (a Lambda stops at
 * 15 minutes), so a holder that crashed frees it by expiring. The compactor skips a leased
 * partition (its next run takes it); an erasure waits for it.
 */

import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { ingestKeys } from '#shared/table/ingest-table.ts';
import type { LakeKind, Partition } from './layout.ts';

/** How long a lease holds unless released: beyond the longest a Lambda function runs. */
export const leaseSeconds = 15 * 60 + 60;

/** Frees a lease taken. */
export type Release = () => Promise<void>;

/** Takes the lease of a partition's files of one kind: its release, or undefined when someone holds it. */
export type PartitionLeases = { take(kind: LakeKind, partition: Partition): Promise<Release | undefined> };

/** Leases in the ingest table (DynamoDB), each holder known by a random id. */
export const dynamoLeases = (holder: string): PartitionLeases => ({
  take: async (kind, partition) => {
    const pk = ingestKeys.lakeLease(kind, partition.dt, partition.hour);
    const token = `${holder}:${randomUUID()}`;
    const now = Math.floor(Date.now() / 1000);
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName('ingest'),
          Item: { pk, holder: token, until: now + leaseSeconds, expiresAt: now + leaseSeconds },
          ConditionExpression: 'attribute_not_exists(pk) OR #until < :now',
          ExpressionAttributeNames: { '#until': 'until' },
          ExpressionAttributeValues: { ':now': now },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
    return async () => {
      try {
        await documents.send(
          new DeleteCommand({
            TableName: tableName('ingest'),
            Key: { pk },
            ConditionExpression: 'holder = :token',
            ExpressionAttributeValues: { ':token': token },
          }),
        );
      } catch (error) {
        // Expired and taken by another: theirs now.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    };
  },
});

/** Leases held in memory (unit tests, tools run alone). */
export const memoryLeases = (): PartitionLeases & { held: Set<string> } => {
  const held = new Set<string>();
  return {
    held,
    take: async (kind, partition) => {
      const key = `${kind}/${partition.dt}/${partition.hour}`;
      if (held.has(key)) return undefined;
      held.add(key);
      return async () => {
        held.delete(key);
      };
    },
  };
};
