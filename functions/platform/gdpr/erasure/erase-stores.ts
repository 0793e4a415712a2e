/**
 * The platform's own erasers: the customer's collection members (whichever context wrote them:
 * the collection is the table model's), the idempotency answers that name the customer, and the
 * exports made for their access requests. Each answers how much it removed, and each may run
 * again after a failure.
 */
import { DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { documents } from '#shared/clients/dynamodb.ts';
import { s3 } from '#shared/clients/s3.ts';
import { bucketName, tableName } from '#shared/env.ts';
import { queryAll } from '#shared/query-all.ts';
import { customerCollection } from '#shared/table/main-table.ts';
import { deleteAll } from '#shared/write-all.ts';
import { exportKey } from '../export/customer-export.ts';

/** Deletes the members of the customer's collection whose type is in `itemTypes`; counts by type. */
export const eraseCollectionMembers = async (
  customerId: string,
  itemTypes: ReadonlySet<string>,
): Promise<Map<string, number>> => {
  const members = await queryAll({
    TableName: tableName('main'),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': customerCollection.pk(customerId) },
    ProjectionExpression: 'pk, sk, entity',
  });
  const doomed = members.filter((item) => itemTypes.has(String(item.entity)));
  await deleteAll(
    tableName('main'),
    doomed.map((item) => ({ pk: String(item.pk), sk: String(item.sk) })),
  );
  const counts = new Map([...itemTypes].map((type) => [type, 0]));
  for (const item of doomed) counts.set(String(item.entity), (counts.get(String(item.entity)) ?? 0) + 1);
  return counts;
};

/**
 * Deletes the idempotency records whose stored answer names the customer (a created customer's
 * file, kept a day to answer a retry). The table holds a day of records: a scan is short. The
 * answer is stored as a map, which no filter expression searches: each is looked at here.
 */
export const eraseIdempotencyAnswers = async (customerId: string): Promise<number> => {
  const keys: { id: string }[] = [];
  for await (const page of paginateScan(
    { client: documents },
    {
      TableName: tableName('idempotency'),
      ProjectionExpression: 'id, #data',
      ExpressionAttributeNames: { '#data': 'data' },
    },
  )) {
    for (const item of page.Items ?? []) {
      if (JSON.stringify(item.data ?? null).includes(customerId)) keys.push({ id: String(item.id) });
    }
  }
  await deleteAll(tableName('idempotency'), keys);
  return keys.length;
};

/** Deletes the archives made for these access requests; counts the files. */
export const eraseExports = async (requestIds: readonly string[]): Promise<number> => {
  let erased = 0;
  for (const requestId of requestIds) {
    const key = exportKey(requestId);
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: bucketName('privacyExports'), Prefix: key }),
    );
    if (!listed.Contents?.some((object) => object.Key === key)) continue;
    await s3.send(new DeleteObjectCommand({ Bucket: bucketName('privacyExports'), Key: key }));
    erased++;
  }
  return erased;
};
