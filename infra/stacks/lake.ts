/**
 * The click and interaction lake: the S3 bucket the archiver writes (`raw/`) and compaction
 * rewrites (`curated/`), the Glue database its tables live in, and the Athena workgroup the
 * analysts query it through.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { CfnDatabase } from 'aws-cdk-lib/aws-glue';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket, StorageClass } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Name of the Glue database of the lake (also the DuckDB schema of the local sandbox). */
export const lakeDatabaseName = 'relais_lake';

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

    this.workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: 'relais',
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
  }
}
