import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { KeyAttribute } from '#infra/declaration/storage.ts';
import { isMissing } from './missing.ts';
import type { PlannedIndex, PlannedTable } from './plan.ts';

const keySchema = (partitionKey: KeyAttribute, sortKey?: KeyAttribute): KeySchemaElement[] => [
  { AttributeName: partitionKey.name, KeyType: 'HASH' },
  ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' as const }] : []),
];

const attributeDefinitions = (keys: KeyAttribute[]): AttributeDefinition[] => [
  ...new Map(keys.map((key) => [key.name, { AttributeName: key.name, AttributeType: key.type }])).values(),
];

const gsi = (index: PlannedIndex): GlobalSecondaryIndex => ({
  IndexName: index.name,
  KeySchema: keySchema(index.partitionKey, index.sortKey),
  Projection: { ProjectionType: 'ALL' },
});

const describeTable = async (client: DynamoDBClient, name: string): Promise<TableDescription | undefined> => {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (isMissing(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
};

export const ensureTable = async (client: DynamoDBClient, table: PlannedTable) => {
  const allKeys = [
    table.partitionKey,
    table.sortKey,
    ...table.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  let description = await describeTable(client, table.name);
  if (!description) {
    try {
      await client.send(
        new CreateTableCommand({
          TableName: table.name,
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: keySchema(table.partitionKey, table.sortKey),
          AttributeDefinitions: attributeDefinitions(allKeys.filter((key) => key !== undefined)),
          ...(table.indexes.length ? { GlobalSecondaryIndexes: table.indexes.map(gsi) } : {}),
          ...(table.stream
            ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }
            : {}),
        }),
      );
    } catch (error) {
      // Another process provisioning the same sandbox got there first: theirs is as good.
      if (!isMissing(error, 'ResourceInUseException')) throw error;
    }
    await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: table.name });
    description = await describeTable(client, table.name);
  } else {
    // An older sandbox: add what the declaration gained since (one new GSI per update, as AWS wants).
    const existing = new Set((description.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of table.indexes.filter((i) => !existing.has(i.name))) {
      await client.send(
        new UpdateTableCommand({
          TableName: table.name,
          AttributeDefinitions: attributeDefinitions(
            [index.partitionKey, index.sortKey].filter((key) => key !== undefined),
          ),
          GlobalSecondaryIndexUpdates: [{ Create: gsi(index) }],
        }),
      );
    }
    if (table.stream && !description.StreamSpecification?.StreamEnabled) {
      await client.send(
        new UpdateTableCommand({
          TableName: table.name,
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        }),
      );
      description = await describeTable(client, table.name);
    }
  }
  if (table.timeToLiveAttribute) {
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: table.name }));
    const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
    // AWS refuses to enable TTL twice: only a table without it gets the update.
    if (status !== 'ENABLED' && status !== 'ENABLING') {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: table.name,
          TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
        }),
      );
    }
  }
  return {
    name: table.name,
    ...(description?.LatestStreamArn ? { streamArn: description.LatestStreamArn } : {}),
  };
};
