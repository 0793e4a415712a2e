/**
 * The click and interaction lake: the S3 bucket the archiver writes (`raw/`, `curated/`) and
 * compaction rewrites, the Glue database and its two tables (curated Parquet `events`, raw
 * NDJSON `raw_events`) with partition projection — Athena computes the `dt`/`hour` partitions
 * from the query, so there is no crawler to run and no partition to add — and the Athena
 * workgroup the analysts query it through, with a cap on the bytes one query may scan.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket, StorageClass } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { curatedColumns, lakeCatalog, lakePrefixes } from '#schemas/analytics/lake.ts';
import type { LakeQueryTarget } from '../constructs/grants.ts';

/** Name of the Glue database of the lake (also the DuckDB schema of the local sandbox). */
export const lakeDatabaseName = lakeCatalog.database;

/** Name of the Athena workgroup of the analysts. */
export const lakeWorkGroupName = 'relais';

/** First day the `dt` partition projection knows of (no event is older). */
/** The demo bank's history starts in 2015 (banks keep ten years); older days are never scanned. */
export const lakeFirstDay = '2015-01-01';

/**
 * Table properties of partition projection over `dt=YYYY-MM-DD/hour=HH` under `location`:
 * dt a date from {@link lakeFirstDay} to today, hour an integer 00 to 23.
 */
export const partitionProjection = (location: string): Record<string, string> => ({
  'projection.enabled': 'true',
  'projection.dt.type': 'date',
  'projection.dt.format': 'yyyy-MM-dd',
  'projection.dt.range': `${lakeFirstDay},NOW`,
  'projection.dt.interval': '1',
  'projection.dt.interval.unit': 'DAYS',
  'projection.hour.type': 'integer',
  'projection.hour.range': '0,23',
  'projection.hour.digits': '2',
  'storage.location.template': `${location}dt=\${dt}/hour=\${hour}/`,
});

const partitionKeys: CfnTable.ColumnProperty[] = [
  { name: 'dt', type: 'string', comment: 'UTC date the event occurred, YYYY-MM-DD' },
  { name: 'hour', type: 'string', comment: 'UTC hour the event occurred, 00 to 23' },
];

export type LakeProps = {
  /** Bucket receiving the S3 server access logs. */
  accessLogs: IBucket;
  /**
   * Most bytes one Athena query may scan before it is cancelled, a guard on cost.
   * @default 10 GiB
   */
  bytesScannedCutoffPerQuery?: number;
};

/** The lake bucket, the Athena results bucket, the Glue database and the Athena workgroup. */
export class Lake extends Construct {
  readonly bucket: Bucket;
  readonly resultsBucket: Bucket;
  readonly workGroup: CfnWorkGroup;
  readonly database: CfnDatabase;
  /** The Glue tables of the curated (`events`) and raw (`raw_events`) files. */
  readonly tables: Record<'curated' | 'raw', CfnTable>;
  /** What a function that queries the lake is bound to (`RelaisFunction.bindLakeQueries`). */
  readonly queryTarget: LakeQueryTarget;

  constructor(scope: Construct, id: string, props: LakeProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'lake/',
      lifecycleRules: [
        // Raw NDJSON is read again only by compaction and replays once it is a month old.
        {
          id: 'raw-to-infrequent-access',
          prefix: 'raw/',
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }],
        },
        // Erasure (GDPR) must really erase: overwritten or deleted versions do not linger.
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.resultsBucket = new Bucket(this, 'QueryResults', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'athena-results/',
      // Query results may hold personal data: kept no longer than an analyst needs them.
      lifecycleRules: [
        { expiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const stack = Stack.of(this);
    this.database = new CfnDatabase(this, 'Database', {
      catalogId: stack.account,
      databaseInput: {
        name: lakeDatabaseName,
        description: 'Relais click and interaction lake (raw NDJSON, curated Parquet)',
        locationUri: this.bucket.s3UrlForObject('curated/'),
      },
    });

    const curatedLocation = `${this.bucket.s3UrlForObject(lakePrefixes.curated)}/`;
    const curated = new CfnTable(this, 'EventsTable', {
      catalogId: stack.account,
      databaseName: lakeDatabaseName,
      tableInput: {
        name: lakeCatalog.curatedTable,
        description:
          'One row per event, pseudonymised (Parquet, written by the lake archiver, compacted hourly)',
        tableType: 'EXTERNAL_TABLE',
        partitionKeys,
        parameters: {
          classification: 'parquet',
          EXTERNAL: 'TRUE',
          'parquet.compression': 'SNAPPY',
          ...partitionProjection(curatedLocation),
        },
        storageDescriptor: {
          location: curatedLocation,
          columns: curatedColumns.map(({ name, type, comment }) => ({ name, type, comment })),
          inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
          serdeInfo: {
            serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
            parameters: { 'serialization.format': '1' },
          },
          compressed: true,
        },
      },
    });

    const rawLocation = `${this.bucket.s3UrlForObject(lakePrefixes.raw)}/`;
    const raw = new CfnTable(this, 'RawEventsTable', {
      catalogId: stack.account,
      databaseName: lakeDatabaseName,
      tableInput: {
        name: lakeCatalog.rawTable,
        description: 'Every event as it came off the bus, pseudonymised (gzip NDJSON EventBridge envelopes)',
        tableType: 'EXTERNAL_TABLE',
        partitionKeys,
        parameters: {
          classification: 'json',
          EXTERNAL: 'TRUE',
          compressionType: 'gzip',
          ...partitionProjection(rawLocation),
        },
        storageDescriptor: {
          location: rawLocation,
          columns: [
            { name: 'version', type: 'string' },
            { name: 'id', type: 'string', comment: 'EventBridge event id' },
            { name: 'detail_type', type: 'string', comment: 'The envelope detail-type' },
            { name: 'source', type: 'string' },
            { name: 'account', type: 'string' },
            { name: 'time', type: 'string', comment: 'When the bus received it (ISO 8601)' },
            { name: 'region', type: 'string' },
            { name: 'resources', type: 'array<string>' },
            {
              name: 'detail',
              type: 'string',
              comment: 'The pseudonymised detail, JSON: read it with json_extract',
            },
          ],
          inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          serdeInfo: {
            // The OpenX SerDe maps `detail-type` to a legal column name and gives nested JSON as text.
            serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
            parameters: { 'mapping.detail_type': 'detail-type', 'ignore.malformed.json': 'false' },
          },
          compressed: true,
        },
      },
    });
    for (const table of [curated, raw]) table.addResourceDependency(this.database);
    this.tables = { curated, raw };

    this.workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: lakeWorkGroupName,
      description: 'Relais analysts: queries on the lake',
      state: 'ENABLED',
      recursiveDeleteOption: false,
      workGroupConfiguration: {
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery ?? 10 * 1024 ** 3,
        resultConfiguration: {
          outputLocation: this.resultsBucket.s3UrlForObject('results/'),
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
        },
      },
    });

    this.queryTarget = {
      workGroupName: lakeWorkGroupName,
      databaseName: lakeDatabaseName,
      tableNames: [lakeCatalog.curatedTable, lakeCatalog.rawTable],
      lakeBucket: this.bucket,
      resultsBucket: this.resultsBucket,
    };
  }
}
