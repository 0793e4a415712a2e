/**
 * The DynamoDB document client, created once per execution environment. Each attempt of a call
 * is bounded (1 s to connect, 2.5 s for the answer; the SDK tries 3 times): a write ends, one way
 * or the other, within the 8 s that a 10 s function has before it answers 503 on its own, so
 * the answer says what happened to it. (Unbounded, a write stuck behind a slow store could be
 * answered 503 by the timeout and then be stored.)
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const dynamodb = new DynamoDBClient({
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_500 },
  maxAttempts: 3,
});
export const documents = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
});
