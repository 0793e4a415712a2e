/**
 * The lake bucket as the archiver and the compactor use it: list a prefix, read a file (whole
 * or by byte ranges, for Parquet footers and single columns), write one, delete some (or
 * destroy them, every version, for an erasure). The S3
 * implementation reads the bucket name from the function's environment at each invocation
 * (`LAKE_BUCKET_NAME`); the in-memory one serves unit tests and tools.
 */
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { AsyncBuffer } from 'hyparquet';
import { s3 as sharedS3 } from '#shared/clients/s3.ts';
import { bucketName } from '#shared/env.ts';

/** A file of the lake, as a listing shows it. */
export type LakeObject = { key: string; size: number; lastModified: Date };

export type LakeStore = {
  /** Every object whose key starts with `prefix`, in key order. */
  list(prefix: string): Promise<LakeObject[]>;
  /** The whole content of an object. */
  get(key: string): Promise<Uint8Array>;
  /** An object read by byte ranges (a Parquet footer, one column chunk). */
  reader(object: LakeObject): AsyncBuffer;
  /** Writes (or overwrites) an object. */
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** Deletes objects; deleting one that is gone is not an error. */
  delete(keys: readonly string[]): Promise<void>;
  /**
   * Deletes objects with every earlier version of them (the bucket is versioned): what an
   * erasure removes must not linger as a noncurrent version.
   */
  destroy(keys: readonly string[]): Promise<void>;
};

/** The lake bucket's name, from the environment (read at each call: never cached). */
export const lakeBucketName = (): string => bucketName('lake');

/** The lake in an S3 bucket. */
export const s3LakeStore = (bucket: string, s3: S3Client = sharedS3): LakeStore => ({
  list: async (prefix) => {
    const objects: LakeObject[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key) {
          objects.push({
            key: item.Key,
            size: item.Size ?? 0,
            lastModified: item.LastModified ?? new Date(0),
          });
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return objects.sort((a, b) => a.key.localeCompare(b.key));
  },
  get: async (key) => {
    const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!answer.Body) throw new Error(`s3://${bucket}/${key} has no body`);
    return answer.Body.transformToByteArray();
  },
  reader: (object) => ({
    byteLength: object.size,
    slice: async (start, end) => {
      const last = (end ?? object.size) - 1;
      const answer = await s3.send(
        new GetObjectCommand({ Bucket: bucket, Key: object.key, Range: `bytes=${start}-${last}` }),
      );
      if (!answer.Body) throw new Error(`s3://${bucket}/${object.key} has no body`);
      const bytes = await answer.Body.transformToByteArray();
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  }),
  put: async (key, body, contentType) => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
  },
  delete: async (keys) => {
    for (let start = 0; start < keys.length; start += 1000) {
      const chunk = keys.slice(start, start + 1000);
      const answer = await s3.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      throwIfFailed(answer.Errors ?? []);
    }
  },
  destroy: async (keys) => {
    for (const key of keys) {
      const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }));
      const objects = [...(versions.Versions ?? []), ...(versions.DeleteMarkers ?? [])]
        .filter((version) => version.Key === key)
        .map((version) => ({ Key: key, VersionId: version.VersionId }));
      if (objects.length === 0) continue;
      const answer = await s3.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }),
      );
      throwIfFailed(answer.Errors ?? []);
    }
  },
});

/** Throws for the objects a DeleteObjects could not delete (one already gone is no failure). */
const throwIfFailed = (errors: readonly { Key?: string; Code?: string }[]) => {
  const failed = errors.filter((error) => error.Code !== 'NoSuchKey');
  if (failed.length > 0) {
    throw new Error(
      `could not delete ${failed.length} lake file(s): ${failed.map((e) => `${e.Key} (${e.Code})`).join(', ')}`,
    );
  }
};

/** A lake held in memory, with the same behaviour as the S3 one (unit tests, tools). */
export const memoryLakeStore = (now: () => Date = () => new Date()) => {
  const objects = new Map<string, { body: Uint8Array; lastModified: Date }>();
  const store: LakeStore & { objects: typeof objects } = {
    objects,
    list: async (prefix) =>
      [...objects.entries()]
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, object]) => ({ key, size: object.body.byteLength, lastModified: object.lastModified }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    get: async (key) => {
      const object = objects.get(key);
      if (!object) throw Object.assign(new Error(`NoSuchKey: ${key}`), { name: 'NoSuchKey' });
      return object.body;
    },
    reader: (object) => ({
      byteLength: object.size,
      slice: async (start, end) => {
        const body = await store.get(object.key);
        return body.slice(start, end).buffer as ArrayBuffer;
      },
    }),
    put: async (key, body) => {
      objects.set(key, { body, lastModified: now() });
    },
    delete: async (keys) => {
      for (const key of keys) objects.delete(key);
    },
    destroy: (keys) => store.delete(keys),
  };
  return store;
};
