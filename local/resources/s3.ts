/**
 * The sandbox's buckets, as the stack declares them: a bucket with Object Lock is created with
 * it enabled (versioned) and its default retention, as CloudFormation does.
 */
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  HeadBucketCommand,
  PutObjectLockConfigurationCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BucketDeclaration } from '#infra/declaration/storage.ts';
import { isMissing } from './missing.ts';

export const ensureBucket = async (
  client: S3Client,
  name: string,
  objectLock?: BucketDeclaration['objectLock'],
) => {
  try {
    await client.send(new HeadBucketCommand({ Bucket: name }));
    return;
  } catch (error) {
    if (!isMissing(error, 'NotFound', 'NoSuchBucket')) throw error;
  }
  const region = await client.config.region();
  try {
    await client.send(
      new CreateBucketCommand({
        Bucket: name,
        ...(objectLock ? { ObjectLockEnabledForBucket: true } : {}),
        ...(region === 'us-east-1'
          ? {}
          : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }),
    );
  } catch (error) {
    if (!isMissing(error, 'BucketAlreadyOwnedByYou')) throw error;
  }
  if (objectLock) {
    await client.send(
      new PutObjectLockConfigurationCommand({
        Bucket: name,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: objectLock.mode, Days: objectLock.retentionDays } },
        },
      }),
    );
  }
};
