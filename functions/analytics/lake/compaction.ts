/**
 * Compaction of the lake: in each hour partition, small files (late events, quiet hours, the
 * tail of a batch) are merged into one, and events present twice (at-least-once delivery
 * upstream) are kept once, by event id. Big files are left as they are; their event ids still
 * count for deduplication. The merged file is written first, under the name of its events,
 * and only then are the files it replaces deleted: a run that stops half-way loses nothing,
 * and running again finishes the job (the same events give the same name). A partition is
 * merged under its lease (`leases.ts`): an erasure rewriting it meanwhile would otherwise see
 * its files deleted under it, or bring back a file it had just rewritten.
 */
import { type Format, formats, type Item } from './formats.ts';
import { fileKey, kindPrefix, type LakeKind, type Partition, parseKey, partitionPrefix } from './layout.ts';
import type { PartitionLeases } from './leases.ts';
import type { LakeObject, LakeStore } from './store.ts';

/** Files under this size (as stored) are merged; bigger ones are left alone. */
export const defaultSmallFileBytes = 32 * 1024 ** 2;
/** Most stored bytes merged into one file (memory bound of one merge). */
export const defaultMaxMergeBytes = 128 * 1024 ** 2;

export type CompactionOptions = {
  store: LakeStore;
  /** A partition is merged under its lease; one leased by an erasure is left for the next run. */
  leases: PartitionLeases;
  /** Only these partitions; @default every partition of the lake */
  partitions?: readonly Partition[];
  /** Files modified after this are left for a later run (still being written to). @default now */
  olderThan?: Date;
  /** @default defaultSmallFileBytes */
  smallFileBytes?: number;
  /** @default defaultMaxMergeBytes */
  maxMergeBytes?: number;
};

export type PartitionReport = Partition & {
  kind: LakeKind;
  /** Files merged (and deleted unless one of them is the output). */
  merged: string[];
  /** Files written. */
  written: string[];
  /** Events in the written files. */
  events: number;
  /** Events dropped because another file of the partition already had them. */
  duplicatesDropped: number;
};

/** Consecutive files whose total size stays within `maxBytes` (at least one file each). */
const groupsOf = (files: readonly LakeObject[], maxBytes: number): LakeObject[][] => {
  const groups: LakeObject[][] = [];
  let current: LakeObject[] = [];
  let size = 0;
  for (const file of files) {
    if (current.length > 0 && size + file.size > maxBytes) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
};

const compactPartition = async <K extends LakeKind>(
  kind: K,
  partition: Partition,
  files: readonly LakeObject[],
  options: Required<Omit<CompactionOptions, 'partitions' | 'leases'>>,
): Promise<PartitionReport | undefined> => {
  const format = formats[kind] as Format<Item<K>>;
  const { store } = options;
  const small = files.filter(
    (file) =>
      file.size < options.smallFileBytes && file.lastModified.getTime() <= options.olderThan.getTime(),
  );
  const big = files.filter((file) => file.size >= options.smallFileBytes);
  if (small.length === 0 || (small.length === 1 && big.length === 0)) return undefined;

  const seen = new Set<string>();
  for (const file of big) for (const key of await format.keys(store, file)) seen.add(key);

  const report: PartitionReport = {
    kind,
    ...partition,
    merged: [],
    written: [],
    events: 0,
    duplicatesDropped: 0,
  };
  for (const group of groupsOf(small, options.maxMergeBytes)) {
    const kept: Item<K>[] = [];
    let dropped = 0;
    for (const file of group) {
      for (const item of await format.read(store, file)) {
        const key = format.keyOf(item);
        if (seen.has(key)) {
          dropped++;
        } else {
          seen.add(key);
          kept.push(item);
        }
      }
    }
    // A lone file without duplicates is already what a merge would write.
    if (group.length === 1 && dropped === 0) continue;
    kept.sort((a, b) => format.timeOf(a) - format.timeOf(b) || format.idOf(a).localeCompare(format.idOf(b)));
    const output = kept.length > 0 ? fileKey(kind, partition, kept.map(format.idOf)) : undefined;
    if (output) {
      await store.put(output, format.write(kept), format.contentType);
      report.written.push(output);
    }
    const replaced = group.map((file) => file.key).filter((key) => key !== output);
    await store.delete(replaced);
    report.merged.push(...group.map((file) => file.key));
    report.events += kept.length;
    report.duplicatesDropped += dropped;
  }
  return report.merged.length > 0 ? report : undefined;
};

/**
 * Compacts the lake (both kinds, curated first): every partition, or the given ones. Answers
 * what was merged, partition by partition; a partition with nothing to merge is not listed.
 */
export const compactLake = async (options: CompactionOptions): Promise<PartitionReport[]> => {
  const settings = {
    store: options.store,
    olderThan: options.olderThan ?? new Date(),
    smallFileBytes: options.smallFileBytes ?? defaultSmallFileBytes,
    maxMergeBytes: options.maxMergeBytes ?? defaultMaxMergeBytes,
  };
  const reports: PartitionReport[] = [];
  for (const kind of ['curated', 'raw'] as const) {
    const listed = options.partitions
      ? (
          await Promise.all(options.partitions.map((p) => options.store.list(partitionPrefix(kind, p))))
        ).flat()
      : await options.store.list(kindPrefix(kind));
    const byPartition = new Map<string, { partition: Partition; files: LakeObject[] }>();
    for (const file of listed) {
      const parsed = parseKey(file.key);
      if (parsed?.kind !== kind) continue;
      const id = `${parsed.partition.dt}/${parsed.partition.hour}`;
      const entry = byPartition.get(id) ?? { partition: parsed.partition, files: [] };
      entry.files.push(file);
      byPartition.set(id, entry);
    }
    for (const id of [...byPartition.keys()].sort()) {
      const { partition, files } = byPartition.get(id)!;
      const release = await options.leases.take(kind, partition);
      if (!release) continue;
      try {
        const report = await compactPartition(kind, partition, files, settings);
        if (report) reports.push(report);
      } finally {
        await release();
      }
    }
  }
  return reports;
};
