/**
 * Where lake files live and what they are called. Keys follow `schemas/analytics/lake.ts`
 * (`raw/dt=…/hour=…/` and `curated/events/dt=…/hour=…/`); a file is named by the hash of the
 * event ids it holds, so writing the same events again overwrites the same object instead of
 * adding a duplicate (a redelivered SQS batch, a rerun compaction).
 */
import { createHash } from 'node:crypto';
import { lakePrefixes } from '#schemas/analytics/lake.ts';

/** The two forms of the lake: replayable gzip NDJSON envelopes, and Parquet rows. */
export type LakeKind = 'raw' | 'curated';

/** An hour partition of the lake (UTC): `dt=2026-11-23/hour=09`. */
export type Partition = { dt: string; hour: string };

const extensions: Record<LakeKind, string> = { raw: '.ndjson.gz', curated: '.parquet' };

/** The key prefix of a partition, ending with `/`. */
export const partitionPrefix = (kind: LakeKind, partition: Partition): string =>
  `${lakePrefixes[kind]}/dt=${partition.dt}/hour=${partition.hour}/`;

/** The key prefix of every file of one kind, ending with `/`. */
export const kindPrefix = (kind: LakeKind): string => `${lakePrefixes[kind]}/`;

/** Deterministic file name of a set of events: the same ids, in any order, give the same name. */
export const fileNameOf = (eventIds: Iterable<string>): string =>
  createHash('sha256')
    .update([...new Set(eventIds)].sort().join('\n'))
    .digest('hex')
    .slice(0, 32);

/** The object key of a file of `kind` in `partition`, named after its events. */
export const fileKey = (kind: LakeKind, partition: Partition, eventIds: Iterable<string>): string =>
  `${partitionPrefix(kind, partition)}${fileNameOf(eventIds)}${extensions[kind]}`;

const keyPattern = /^(raw|curated\/events)\/dt=(\d{4}-\d{2}-\d{2})\/hour=(\d{2})\/[^/]+$/;

/** What a key is (kind and partition), or undefined for anything that is not a lake data file. */
export const parseKey = (key: string): { kind: LakeKind; partition: Partition } | undefined => {
  const match = keyPattern.exec(key);
  if (!match) return undefined;
  const [, prefix, dt, hour] = match as unknown as [string, string, string, string];
  const kind: LakeKind = prefix === lakePrefixes.raw ? 'raw' : 'curated';
  if (!key.endsWith(extensions[kind])) return undefined;
  return { kind, partition: { dt, hour } };
};
