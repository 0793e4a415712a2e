/**
 * The house Lambda function: a `NodejsFunction` with Relais' defaults (Node.js 22 on arm64, ESM,
 * bundled as `bundling.ts` says, its own log group, X-Ray, Powertools settings), and
 * `bind*` helpers that grant least-privilege IAM and set the environment variable in one call,
 * so a permission never exists without the variable that uses it, nor the other way round.
 */
import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, StartingPosition, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { Access, BucketAccess } from '../declaration/functions.ts';
import { houseBundling, metricsNamespace, sourceMapsContext } from './bundling.ts';
import { bucketActions, type LakeQueryTarget, lakeQueryActions, tableActions } from './grants.ts';

export type RelaisFunctionProps = Omit<
  NodejsFunctionProps,
  'role' | 'logGroup' | 'runtime' | 'architecture'
> & {
  /** Source file exporting `handler` (absolute path). */
  entry: string;
  /** Powertools service name (`POWERTOOLS_SERVICE_NAME`), also used in logs and traces. */
  serviceName: string;
  /**
   * Retention of the function's log group.
   * @default RetentionDays.THREE_MONTHS
   */
  logRetention?: RetentionDays;
};

/** A Lambda function with the house defaults; see the module comment. */
export class RelaisFunction extends NodejsFunction {
  /** The function's execution role, created here so no AWS-managed policy is attached. */
  readonly executionRole: Role;

  constructor(scope: Construct, id: string, props: RelaisFunctionProps) {
    const { serviceName, logRetention, bundling, environment, ...rest } = props;
    const sourceMaps = [true, 'true'].includes(scope.node.tryGetContext(sourceMapsContext));
    // A role of our own: the default one carries the AWS-managed AWSLambdaBasicExecutionRole,
    // which writes to any log group; this one writes to the function's own group only.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${serviceName}`,
    });
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: logRetention ?? RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    super(scope, id, {
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      ...rest,
      role,
      logGroup,
      environment: {
        ...(sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
        POWERTOOLS_SERVICE_NAME: serviceName,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        ...environment,
      },
      bundling: {
        ...houseBundling,
        ...(sourceMaps ? { sourceMap: true, sourcesContent: false } : {}),
        ...bundling,
      },
    });
    this.executionRole = role;
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    // cdk-nag (AWS Solutions) findings this construct answers by design.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Resource * only for actions that support no resource-level permission: X-Ray PutTraceSegments/PutTelemetryRecords, and dynamodb:ListStreams for stream consumers.',
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the house runtime: the code is tested on Node 20/22 and moves to a newer LTS deliberately.',
    });
  }

  /**
   * Grants the declared access to a table and its indexes, and sets `envVar` to the table name.
   * @param indexNames the table's GSIs, granted by name rather than with a `/index/*` wildcard
   */
  bindTable(envVar: string, table: ITable, access: Access, indexNames: readonly string[] = []): void {
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [...tableActions[access]],
        resources: [table.tableArn, ...indexNames.map((index) => `${table.tableArn}/index/${index}`)],
      }),
    );
    this.addEnvironment(envVar, table.tableName);
  }

  /**
   * Grants the declared access to a bucket and its objects, and sets `envVar` to its name.
   * Object actions need the `<bucket>/*` resource: acknowledged for cdk-nag on the role.
   */
  bindBucket(envVar: string, bucket: IBucket, access: BucketAccess): void {
    const actions = bucketActions[access];
    if (actions.bucket.length > 0) {
      this.addToRolePolicy(
        new PolicyStatement({ actions: [...actions.bucket], resources: [bucket.bucketArn] }),
      );
    }
    this.addToRolePolicy(
      new PolicyStatement({ actions: [...actions.objects], resources: [bucket.arnForObjects('*')] }),
    );
    if (bucket.encryptionKey) {
      if (access === 'read') bucket.encryptionKey.grantDecrypt(this);
      else if (access === 'append') bucket.encryptionKey.grantEncrypt(this);
      else bucket.encryptionKey.grantEncryptDecrypt(this);
    }
    this.acknowledgeObjectsOf(bucket, `${access} access to the files of the bucket (${envVar})`);
    this.addEnvironment(envVar, bucket.bucketName);
  }

  /** Lets the function read `secret` (and decrypt it with its key) and sets `envVar` to its ARN. */
  bindSecret(envVar: string, secret: ISecret): void {
    secret.grantRead(this);
    this.addEnvironment(envVar, secret.secretArn);
  }

  /**
   * Lets the function run queries in the lake's Athena workgroup: start, follow, read and stop
   * them, read the Glue tables, read the lake, and write the results where the workgroup puts
   * them. Sets `ATHENA_WORKGROUP` and `GLUE_DATABASE`.
   */
  bindLakeQueries(target: LakeQueryTarget): void {
    const stack = Stack.of(this);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [...lakeQueryActions.athena],
        resources: [
          stack.formatArn({ service: 'athena', resource: 'workgroup', resourceName: target.workGroupName }),
        ],
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [...lakeQueryActions.glue],
        resources: [
          stack.formatArn({ service: 'glue', resource: 'catalog' }),
          stack.formatArn({ service: 'glue', resource: 'database', resourceName: target.databaseName }),
          ...target.tableNames.map((table) =>
            stack.formatArn({
              service: 'glue',
              resource: 'table',
              resourceName: `${target.databaseName}/${table}`,
            }),
          ),
        ],
      }),
    );
    // Athena reads the lake and writes the results with the caller's own permissions.
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket', 's3:GetBucketLocation'],
        resources: [target.lakeBucket.bucketArn],
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [target.lakeBucket.arnForObjects('*')] }),
    );
    this.acknowledgeObjectsOf(target.lakeBucket, 'Athena reads any file of the lake a query scans');
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:ListBucketMultipartUploads'],
        resources: [target.resultsBucket.bucketArn],
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        resources: [target.resultsBucket.arnForObjects('*')],
      }),
    );
    this.acknowledgeObjectsOf(
      target.resultsBucket,
      'Athena writes each query result under a new key and reads it back',
    );
    this.addEnvironment('ATHENA_WORKGROUP', target.workGroupName);
    this.addEnvironment('GLUE_DATABASE', target.databaseName);
  }

  /** cdk-nag: object-level S3 actions exist only on `<bucket>/*`; says why this role has them. */
  private acknowledgeObjectsOf(bucket: IBucket, why: string): void {
    const cfn = bucket.node.defaultChild as CfnElement | undefined;
    if (!cfn) return;
    Validations.of(this.executionRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(cfn).getLogicalId(cfn)}.Arn>/*]`,
      reason: `${why}: S3 object actions can only be granted on the bucket's objects, named by key at run time.`,
    });
  }

  /** Lets the function put events on `bus` and sets `envVar` to the bus name. */
  bindBus(envVar: string, bus: IEventBus): void {
    this.addToRolePolicy(
      new PolicyStatement({ actions: ['events:PutEvents'], resources: [bus.eventBusArn] }),
    );
    this.addEnvironment(envVar, bus.eventBusName);
  }

  /** Lets the function send messages to `queue` and sets `envVar` to its URL. */
  bindQueue(envVar: string, queue: IQueue): void {
    this.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
    if (queue.encryptionMasterKey) queue.encryptionMasterKey.grantEncryptDecrypt(this);
    this.addEnvironment(envVar, queue.queueUrl);
  }

  /**
   * Invokes the function with the table's stream records (new and old images). Failed batches
   * are split to isolate the bad record, retried, then described in `onFailure`.
   */
  consumeTableStream(
    table: ITable,
    options: { batchSize: number; maxRetries: number; maxRecordAgeSeconds: number; onFailure: IQueue },
  ): void {
    if (!table.tableStreamArn) throw new Error(`Table ${table.node.path} has no stream to consume`);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        resources: [table.tableStreamArn],
      }),
    );
    this.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:ListStreams'], resources: ['*'] }));
    this.addEventSourceMapping(`${table.node.id}Stream`, {
      eventSourceArn: table.tableStreamArn,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: options.batchSize,
      retryAttempts: options.maxRetries,
      ...(options.maxRecordAgeSeconds === -1
        ? {}
        : { maxRecordAge: Duration.seconds(options.maxRecordAgeSeconds) }),
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(options.onFailure),
    });
  }

  /**
   * Invokes the function with the queue's messages; failed messages (partial batch responses)
   * return to the queue and, after its `maxReceiveCount`, to its DLQ.
   */
  consumeQueue(
    queue: IQueue,
    options: { batchSize: number; maxBatchingWindowSeconds: number; maxConcurrency: number },
  ): void {
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'sqs:ReceiveMessage',
          'sqs:DeleteMessage',
          'sqs:ChangeMessageVisibility',
          'sqs:GetQueueAttributes',
        ],
        resources: [queue.queueArn],
      }),
    );
    if (queue.encryptionMasterKey) queue.encryptionMasterKey.grantDecrypt(this);
    this.addEventSourceMapping(`${queue.node.id}Messages`, {
      eventSourceArn: queue.queueArn,
      batchSize: options.batchSize,
      maxBatchingWindow: Duration.seconds(options.maxBatchingWindowSeconds),
      maxConcurrency: options.maxConcurrency,
      reportBatchItemFailures: true,
    });
  }
}
