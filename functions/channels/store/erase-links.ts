/**
 * The channels' part of an erasure outside the customer's collection: the links from visitor ids
 * to the customer (`ANON#<visitor id>`), each deleted only while it still names this customer (a
 * device since linked to someone else keeps that link). The devices in the customer's file go
 * with the collection.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { channelKeys } from '#shared/table/main-table.ts';

/** Deletes the links of these visitor ids to the customer; answers how many there were. */
export const eraseVisitorLinks = async (
  customerId: string,
  anonymousIds: readonly string[],
): Promise<number> => {
  let erased = 0;
  for (const anonymousId of anonymousIds) {
    try {
      await documents.send(
        new DeleteCommand({
          TableName: tableName('main'),
          Key: channelKeys.anonymousLink(anonymousId),
          ConditionExpression: 'customerId = :customer',
          ExpressionAttributeValues: { ':customer': customerId },
        }),
      );
      erased++;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  return erased;
};
