/**
 * A person's erasure from the lake (GDPR art. 17): in each partition that holds their rows, raw
 * and curated, every file with a row of theirs — their customer pseudonym, or a visitor id that
 * was linked to them — is written again without those rows, and the old file is destroyed with
 * its earlier versions (the bucket is versioned). Athena and DuckDB read the files, so neither
 * finds a row afterwards.
 *
 * Safe beside the compactor: each partition is rewritten under its lease (`leases.ts`), which
 * the compactor takes too; a partition leased by a compaction is waited for. Files are named by
 * their events, so a rewrite run again after a failure writes the same names: nothing doubles.
 * The archiver drops the events of erased people (their tombstones) before it writes, so no new
 * row of theirs comes after.
 */
import { type Format, formats, type Item } from './formats.ts';
import { fileKey, type LakeKind, type Partition, partitionPrefix } from './layout.ts';
import type { PartitionLeases, Release } from './leases.ts';
import type { LakeStore } from './store.ts';

/** Whose rows go: the customer's pseudonym in the lake, and the visitor ids linked to them. */
export type LakeSubject = { pseudonym: string; anonymousIds: readonly string[] };

export type LakeErasureReport = {
  /** Rows removed, raw and curated. */
  rows: { raw: number; curated: number };
  /** Files written again without the rows, and files destroyed. */
  filesRewritten: number;
  filesDestroyed: number;
};

export type LakeErasureOptions = {
  store: LakeStore;
  leases: PartitionLeases;
  /** Tries at a leased partition, `waitMs` apart, before the erasure fails (and is retried). */
  leaseTries?: number;
  waitMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes a partition's lease, waiting for its holder; throws after the last try. */
const leaseOf = async (
  options: Required<LakeErasureOptions>,
  kind: LakeKind,
  partition: Partition,
): Promise<Release> => {
  for (let attempt = 1; attempt <= options.leaseTries; attempt++) {
    const release = await options.leases.take(kind, partition);
    if (release) return release;
    await sleep(options.waitMs);
  }
  throw new Error(
    `lake partition ${kind} ${partition.dt}/${partition.hour} stayed leased; the erasure will be retried`,
  );
};

/** Rewrites one partition's files of one kind without the subject's rows; answers rows removed. */
const erasePartition = async <K extends LakeKind>(
  kind: K,
  partition: Partition,
  subject: LakeSubject,
  options: Required<LakeErasureOptions>,
  report: LakeErasureReport,
) => {
  const format = formats[kind] as Format<Item<K>>;
  const visitors = new Set(subject.anonymousIds);
  const theirs = (item: Item<K>) => {
    const person = format.personOf(item);
    return person.pseudonym === subject.pseudonym || visitors.has(String(person.anonymousId));
  };
  for (const file of await options.store.list(partitionPrefix(kind, partition))) {
    const items = await format.read(options.store, file);
    const kept = items.filter((item) => !theirs(item));
    if (kept.length === items.length) continue;
    if (kept.length > 0) {
      const output = fileKey(kind, partition, kept.map(format.keyOf));
      await options.store.put(output, format.write(kept), format.contentType);
      report.filesRewritten++;
    }
    await options.store.destroy([file.key]);
    report.filesDestroyed++;
    report.rows[kind] += items.length - kept.length;
  }
};

/** Erases the subject's rows from the given partitions (those where the lake search found them). */
export const eraseFromLake = async (
  subject: LakeSubject,
  partitions: readonly Partition[],
  options: LakeErasureOptions,
): Promise<LakeErasureReport> => {
  const settings = { leaseTries: 60, waitMs: 1000, ...options };
  const report: LakeErasureReport = { rows: { raw: 0, curated: 0 }, filesRewritten: 0, filesDestroyed: 0 };
  const unique = [...new Map(partitions.map((p) => [`${p.dt}/${p.hour}`, p])).values()];
  for (const partition of unique) {
    for (const kind of ['curated', 'raw'] as const) {
      const release = await leaseOf(settings, kind, partition);
      try {
        await erasePartition(kind, partition, subject, settings, report);
      } finally {
        await release();
      }
    }
  }
  return report;
};
