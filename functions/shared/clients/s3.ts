/**
 * The S3 client, created once per execution environment. Against an emulator
 * (`AWS_ENDPOINT_URL` set) buckets are addressed by path: `http://localhost:4566/bucket`, since
 * `bucket.localhost` does not resolve everywhere. In AWS, virtual-hosted addressing.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { settings } from '../env.ts';

export const s3 = new S3Client({ forcePathStyle: Boolean(settings.emulatorEndpoint()) });
