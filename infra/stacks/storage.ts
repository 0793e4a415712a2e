/**
 * The operational store: one DynamoDB table per entry of `tables` in the declaration, the bucket
 * that receives the S3 and CloudFront access logs of every other bucket, and the audit archive
 * (versioned, S3 Object Lock by default on every object: the long-term, undeletable trail).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  BillingMode,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectLockRetention,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  type BucketDeclaration,
  buckets,
  type KeyAttribute,
  type TableName,
  tables,
} from '../declaration/storage.ts';

const attribute = (key: KeyAttribute): Attribute => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

/** Days access logs are kept; long enough for a security investigation. */
const accessLogDays = 365;

/** The DynamoDB tables, built from the declaration, and the access-log bucket. */
export class Storage extends Construct {
  readonly tables: Record<TableName, Table>;
  /** Target of S3 server access logs and CloudFront standard logs. */
  readonly accessLogs: Bucket;
  /** The audit trail for the long term: every object locked for the declared retention. */
  readonly auditArchive: Bucket;
  /** Customers' data exports, gone after their declared days. */
  readonly privacyExports: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.tables = Object.fromEntries(
      (Object.keys(tables) as TableName[]).map((name) => [name, this.table(name)]),
    ) as Record<TableName, Table>;

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs; S3 server access logs use the bucket policy.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(accessLogDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const lock: BucketDeclaration['objectLock'] & object = buckets.auditArchive.objectLock;
    const retention = Duration.days(lock.retentionDays);
    this.auditArchive = new Bucket(this, 'AuditArchive', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention:
        lock.mode === 'COMPLIANCE'
          ? ObjectLockRetention.compliance(retention)
          : ObjectLockRetention.governance(retention),
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'audit-archive/',
      lifecycleRules: [
        {
          expiration: Duration.days(buckets.auditArchive.expireAfterDays),
          noncurrentVersionExpiration: Duration.days(1),
          expiredObjectDeleteMarker: false,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.privacyExports = new Bucket(this, 'PrivacyExports', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'privacy-exports/',
      lifecycleRules: [
        {
          expiration: Duration.days(buckets.privacyExports.expireAfterDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  private table(name: TableName): Table {
    const declared = tables[name];
    const table = new Table(this, `${name[0]?.toUpperCase()}${name.slice(1)}Table`, {
      partitionKey: attribute(declared.partitionKey),
      sortKey: 'sortKey' in declared ? attribute(declared.sortKey) : undefined,
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: 'timeToLiveAttribute' in declared ? declared.timeToLiveAttribute : undefined,
      stream: declared.stream ? StreamViewType.NEW_AND_OLD_IMAGES : undefined,
      deletionProtection: true,
      // Customer data outlives a stack: deleting the stack must never delete a table.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of declared.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        sortKey: 'sortKey' in index ? attribute(index.sortKey) : undefined,
      });
    }
    return table;
  }
}
