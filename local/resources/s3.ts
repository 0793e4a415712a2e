import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  HeadBucketCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { isMissing } from './missing.ts';

export const ensureBucket = async (client: S3Client, name: string) => {
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
        ...(region === 'us-east-1'
          ? {}
          : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }),
    );
  } catch (error) {
    if (!isMissing(error, 'BucketAlreadyOwnedByYou')) throw error;
  }
};
