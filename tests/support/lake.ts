/**
 * Helpers of the lake's integration tests: put channel events on a sandbox's bus as the ingest
 * API does, and read back what the lake holds in an hour partition (raw and curated), waiting
 * for the archiver (it fires at most 20 s after a batch's first message).
 */
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { readCuratedParquet, readNdjsonGzip } from '#functions/analytics/lake/files.ts';
import { type Partition, partitionPrefix } from '#functions/analytics/lake/layout.ts';
import { type LakeObject, s3LakeStore } from '#functions/analytics/lake/store.ts';
import type { CuratedRow } from '#schemas/analytics/lake.ts';
import { channelEnvelope } from '../unit/analytics/lake-events.ts';

export type LakeContent = {
  curatedFiles: LakeObject[];
  rawFiles: LakeObject[];
  rows: CuratedRow[];
  /** Raw lines (pseudonymised envelopes) and the text they were read from. */
  /** The bus envelopes as archived: `id` is EventBridge's id of one put on the bus. */
  raw: { id: string; detail: Record<string, unknown> }[];
  rawText: string;
};

/** `count` page views in `partition`, ids `<prefix>-<n>`, a third of known customers unless `anonymous`. */
export const pageViewsIn = (
  partition: Partition,
  count: number,
  prefix: string,
  from = 0,
  anonymous = false,
) =>
  Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return channelEnvelope({
      eventId: `${prefix}-${String(n).padStart(5, '0')}`,
      occurredAt: `${partition.dt}T${partition.hour}:${String(n % 60).padStart(2, '0')}:${String(n % 59).padStart(2, '0')}.000Z`,
      sessionId: `sess-${n % 9}`,
      ...(n % 3 === 0 && !anonymous ? { customerId: `cu-lake-${n % 11}` } : {}),
    });
  });

/** Puts envelopes' details on the bus, 10 per call as the ingest does; throws on any failed entry. */
export const putOnBus = async (busName: string, envelopes: ReturnType<typeof channelEnvelope>[]) => {
  const eventBridge = new EventBridgeClient({});
  for (let i = 0; i < envelopes.length; i += 10) {
    const entries: PutEventsRequestEntry[] = envelopes.slice(i, i + 10).map((envelope) => ({
      EventBusName: busName,
      Source: envelope.source,
      DetailType: envelope['detail-type'],
      Detail: JSON.stringify(envelope.detail),
      Time: new Date(envelope.detail.occurredAt),
    }));
    const answer = await eventBridge.send(new PutEventsCommand({ Entries: entries }));
    if (answer.FailedEntryCount) throw new Error(`PutEvents failed: ${JSON.stringify(answer.Entries)}`);
  }
};

/** Everything the lake bucket holds in a partition. */
export const readPartition = async (bucket: string, partition: Partition): Promise<LakeContent> => {
  const store = s3LakeStore(bucket, new S3Client({ forcePathStyle: true }));
  const curatedFiles = await store.list(partitionPrefix('curated', partition));
  const rawFiles = await store.list(partitionPrefix('raw', partition));
  const rows = (
    await Promise.all(curatedFiles.map(async (file) => readCuratedParquet(await store.get(file.key))))
  ).flat();
  const rawBytes = await Promise.all(rawFiles.map((file) => store.get(file.key)));
  const raw = rawBytes.flatMap((bytes) => readNdjsonGzip(bytes) as LakeContent['raw']);
  return { curatedFiles, rawFiles, rows, raw, rawText: raw.map((line) => JSON.stringify(line)).join('\n') };
};

/** The distinct event ids of a partition's curated rows. */
export const idsOf = (content: LakeContent) => new Set(content.rows.map((row) => row.event_id));

/** Polls the partition until `done` holds (or throws after `timeoutMs`). */
export const waitForPartition = async (
  bucket: string,
  partition: Partition,
  done: (content: LakeContent) => boolean,
  timeoutMs = 90_000,
): Promise<LakeContent> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const content = await readPartition(bucket, partition);
    if (done(content)) return content;
    if (Date.now() > deadline) {
      throw new Error(
        `the lake partition ${partition.dt}/${partition.hour} did not get there in ${timeoutMs / 1000} s: ` +
          `${content.rows.length} rows in ${content.curatedFiles.length} curated file(s)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
};
