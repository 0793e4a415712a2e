/**
 * The IAM actions behind each access the declaration names (`infra/declaration/functions.ts`):
 * on tables, buckets and the lake's Athena workgroup and Glue catalogue. `RelaisFunction`'s
 * `bind*` helpers grant them; the stack tests read them.
 */
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Access, BucketAccess } from '../declaration/functions.ts';

const dynamoRead = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const dynamoWrite = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/**
 * The IAM actions each declared table access grants. `append` reads and adds items but can never
 * update or delete one: with conditional puts, that makes the audit trail append-only.
 */
export const tableActions: Record<Access, readonly string[]> = {
  read: dynamoRead,
  readWrite: [...dynamoRead, ...dynamoWrite],
  append: [...dynamoRead, 'dynamodb:PutItem'],
};

/** The IAM actions each declared bucket access grants, on the bucket and on its objects. */
export const bucketActions: Record<BucketAccess, { bucket: readonly string[]; objects: readonly string[] }> =
  {
    read: { bucket: ['s3:ListBucket'], objects: ['s3:GetObject'] },
    readWrite: { bucket: ['s3:ListBucket'], objects: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] },
    append: { bucket: [], objects: ['s3:PutObject'] },
    erase: {
      bucket: ['s3:ListBucket', 's3:ListBucketVersions'],
      objects: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion'],
    },
  };

/** What `bindLakeQueries` needs to know of the lake (see `infra/stacks/lake.ts`). */
export type LakeQueryTarget = {
  workGroupName: string;
  databaseName: string;
  tableNames: readonly string[];
  lakeBucket: IBucket;
  /** Where Athena writes query results, with the caller's permissions. */
  resultsBucket: IBucket;
};

/** Athena and Glue actions of a function that runs queries on the lake (never DDL). */
export const lakeQueryActions = {
  athena: [
    'athena:StartQueryExecution',
    'athena:GetQueryExecution',
    'athena:GetQueryResults',
    'athena:StopQueryExecution',
  ],
  glue: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartition', 'glue:GetPartitions'],
} as const;
