/**
 * The local copy of the lake that the DuckDB engine reads: a bucket prefix, or a run's days,
 * mirrored to disk before each run (new and changed objects downloaded, removed ones deleted).
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { lakePrefixes } from '#schemas/analytics/lake.ts';
import { settings } from '#shared/env.ts';
import type { DateWindow } from '../queries/parameters.ts';

/** Longest window read day by day; a longer one reads the whole lake (and prunes while reading). */
const maxWindowDays = 400;

/** The days of a window, `YYYY-MM-DD`; undefined when there is none or it is too long to list. */
export const daysOf = (window: DateWindow | undefined): string[] | undefined => {
  if (!window) return undefined;
  const first = Date.parse(`${window.from}T00:00:00Z`);
  const last = Date.parse(`${window.to}T00:00:00Z`);
  const count = Math.floor((last - first) / 86_400_000) + 1;
  if (!(count <= maxWindowDays)) return undefined;
  return Array.from({ length: Math.max(count, 0) }, (_, i) =>
    new Date(first + i * 86_400_000).toISOString().slice(0, 10),
  );
};

/** The key prefix of one day's curated partitions. */
export const dayPrefix = (day: string) => `${lakePrefixes.curated}/dt=${day}/`;

export type MirrorOptions = {
  s3: S3Client;
  bucket: string;
  /** Local root of the bucket's copy: objects land at `<dir>/<key>`. */
  dir: string;
  /** Key prefix mirrored. @default 'curated/' */
  prefix?: string;
  /** Only these days' curated partitions (a run's window), instead of `prefix`. */
  window?: DateWindow;
  /** Downloads at once. @default 8 */
  concurrency?: number;
};

export type MirrorReport = { downloaded: number; removed: number; kept: number; bytes: number };

const manifestName = '.mirror.json';
const syncs = new Map<string, Promise<MirrorReport>>();

/**
 * Brings a local copy of a bucket prefix (or of a window's days) up to date: downloads objects that are new or whose
 * ETag changed (to a temporary file, renamed into place, so a reader never sees half a file)
 * and deletes local files whose object is gone. Calls for the same directory queue behind
 * each other.
 */
export const mirrorBucket = (options: MirrorOptions): Promise<MirrorReport> => {
  const previous = syncs.get(options.dir) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => mirrorOnce(options));
  syncs.set(options.dir, next);
  return next;
};

const mirrorOnce = async ({
  s3,
  bucket,
  dir,
  prefix = 'curated/',
  window,
  concurrency = 8,
}: MirrorOptions): Promise<MirrorReport> => {
  const prefixes = daysOf(window)?.map(dayPrefix) ?? [prefix];
  await mkdir(dir, { recursive: true });
  const manifestPath = join(dir, manifestName);
  const manifest: Record<string, string> = await readFile(manifestPath, 'utf8')
    .then((text) => JSON.parse(text) as Record<string, string>)
    .catch(() => ({}));

  const remote = new Map<string, { etag: string; size: number }>();
  const list = async (listed: string) => {
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: listed, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key && !object.Key.endsWith('/')) {
          remote.set(object.Key, { etag: object.ETag ?? '', size: object.Size ?? 0 });
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  };
  const listing = [...prefixes];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, listing.length) }, async () => {
      for (let next = listing.shift(); next !== undefined; next = listing.shift()) await list(next);
    }),
  );

  const localPath = (key: string) => join(dir, ...key.split('/'));
  const stale: string[] = [];
  for (const [key, { etag, size }] of remote) {
    const present = await stat(localPath(key)).catch(() => undefined);
    if (!present || present.size !== size || manifest[key] !== etag) stale.push(key);
  }

  let bytes = 0;
  const download = async (key: string) => {
    const target = localPath(key);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.part`;
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!object.Body) throw new Error(`s3://${bucket}/${key} has no body`);
    await pipeline(object.Body as NodeJS.ReadableStream, createWriteStream(temporary));
    await rename(temporary, target);
    bytes += remote.get(key)?.size ?? 0;
    manifest[key] = remote.get(key)?.etag ?? '';
  };
  const queue = [...stale];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let key = queue.shift(); key !== undefined; key = queue.shift()) await download(key);
    }),
  );

  let removed = 0;
  for (const mirrored of prefixes) {
    const root = join(dir, ...mirrored.split('/').filter(Boolean));
    const localFiles = await readdir(root, { recursive: true }).catch(() => [] as string[]);
    for (const file of localFiles) {
      const key = [...mirrored.split('/').filter(Boolean), ...file.split(sep)].join('/');
      const path = join(root, file);
      const isFile = await stat(path).then(
        (s) => s.isFile(),
        () => false,
      );
      if (remote.has(key) || !isFile) continue;
      await rm(path, { force: true });
      delete manifest[key];
      removed++;
    }
  }
  const temporaryManifest = `${manifestPath}.${randomUUID()}.part`;
  await writeFile(temporaryManifest, JSON.stringify(manifest));
  await rename(temporaryManifest, manifestPath);
  return { downloaded: stale.length, removed, kept: remote.size - stale.length, bytes };
};

/** Where lake mirrors live: `LAKE_MIRROR_DIR`, else `.sandbox/lake/` in the repository. */
export const lakeMirrorRoot = (): string =>
  settings.lakeMirrorDir() ?? fileURLToPath(new URL('../../../.sandbox/lake/', import.meta.url));
