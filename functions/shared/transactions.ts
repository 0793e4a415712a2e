/**
 * Writes that happen together or not at all (DynamoDB TransactWriteItems, up to 100 items).
 * DynamoDB cancels the whole transaction when one of its conditions fails (someone changed the
 * item since it was read) or when another transaction was writing the same items at that moment:
 * both mean the caller lost a race, and reads again or answers 409. Other errors are thrown.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { documents } from './clients/dynamodb.ts';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** True when every item was written; false when the transaction was cancelled (a lost race). */
export const writeTogether = async (items: TransactItems): Promise<boolean> => {
  try {
    await documents.send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException) return false;
    throw error;
  }
};
