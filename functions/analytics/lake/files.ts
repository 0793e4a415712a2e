/**
 * The two file formats of the lake. Raw: gzip NDJSON, one EventBridge envelope per line (what
 * a replay puts back on a bus, and what the `raw_events` Glue table reads with the JSON SerDe).
 * Curated: Parquet written with hyparquet-writer, the columns of `curatedColumns` in order,
 * timestamps as INT64 milliseconds (Athena engine 3 and DuckDB read them as `timestamp`),
 * snappy-compressed, read back with hyparquet (compaction, tests).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { type AsyncBuffer, parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { type CuratedRow, curatedColumns } from '#schemas/analytics/lake.ts';

/** One JSON document per line, newline-terminated, gzip-compressed. */
export const writeNdjsonGzip = (documents: readonly unknown[]): Uint8Array =>
  gzipSync(documents.map((document) => `${JSON.stringify(document)}\n`).join(''));

/** The documents of a gzip NDJSON file (blank lines ignored). */
export const readNdjsonGzip = (bytes: Uint8Array): unknown[] =>
  gunzipSync(bytes)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);

/** Rows per row group: large groups read fast in Athena; a lake file rarely holds more. */
const rowGroupSize = 100_000;

/** A Parquet file of curated rows, columns in the order of `curatedColumns`. */
export const writeCuratedParquet = (rows: readonly CuratedRow[]): Uint8Array => {
  const buffer = parquetWriteBuffer({
    columnData: curatedColumns.map((column) => ({
      name: column.name,
      data: rows.map((row) => row[column.name]),
      type: column.type === 'timestamp' ? ('TIMESTAMP' as const) : ('STRING' as const),
      // event_id, event_type, source and the times are always there; the rest may be null.
      nullable: !['event_id', 'event_type', 'source', 'occurred_at', 'received_at'].includes(column.name),
    })),
    rowGroupSize,
    createdBy: 'relais lake archiver',
  });
  return new Uint8Array(buffer);
};

/** A Parquet file as hyparquet reads it: whole bytes, or ranges fetched on demand. */
export type ParquetSource = Uint8Array | AsyncBuffer;

const asAsyncBuffer = (source: ParquetSource): AsyncBuffer => {
  if (!(source instanceof Uint8Array)) return source;
  const buffer = source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength) as ArrayBuffer;
  return { byteLength: buffer.byteLength, slice: (start, end) => buffer.slice(start, end) };
};

/** Every row of a curated Parquet file. */
export const readCuratedParquet = async (source: ParquetSource): Promise<CuratedRow[]> =>
  (await parquetReadObjects({ file: asAsyncBuffer(source) })) as CuratedRow[];

/** Only the event ids of a curated Parquet file (one column chunk is read). */
/** The event id and channel of each row, read without the other columns. */
export const readCuratedEventIds = async (
  source: ParquetSource,
): Promise<{ event_id: string; channel: string | null }[]> =>
  (await parquetReadObjects({ file: asAsyncBuffer(source), columns: ['event_id', 'channel'] })) as {
    event_id: string;
    channel: string | null;
  }[];
