/**
 * Compute: one `RelaisFunction` per entry of `functions` in the declaration, bound to the
 * tables, bus, queues, buckets, secrets and lake queries it declares, with its event-source
 * mappings and its schedules.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { type EventBus, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RouteDefinition } from '#schemas/route-definition.ts';
import type { LakeQueryTarget } from '../constructs/grants.ts';
import { RelaisFunction } from '../constructs/relais-function.ts';
import {
  type Access,
  type BucketAccess,
  type EventSourceMapping,
  envName,
  eventSourceMappings,
  type FunctionDeclaration,
  type FunctionName,
  functionForRoute,
  functions,
  schedules,
} from '../declaration/functions.ts';
import type { QueueName } from '../declaration/messaging.ts';
import {
  type BucketName,
  tables as declaredTables,
  type SecretName,
  type TableName,
} from '../declaration/storage.ts';

/** Root of the repository: entries in the declaration are relative to it. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

const pascal = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

export type FunctionsProps = {
  tables: Record<TableName, Table>;
  queues: Record<QueueName, Queue>;
  bus: EventBus;
  buckets: Record<BucketName, IBucket>;
  secrets: Record<SecretName, ISecret>;
  /** The workgroup, catalogue and buckets of functions that query the lake. */
  lakeQueries: LakeQueryTarget;
};

/** The Lambda functions of the declaration, wired to what they declare. */
export class Functions extends Construct {
  readonly functions: Record<FunctionName, RelaisFunction>;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    this.functions = Object.fromEntries(
      (Object.keys(functions) as FunctionName[]).map((name) => [
        name,
        this.build(name, functions[name], props),
      ]),
    ) as Record<FunctionName, RelaisFunction>;

    // Widened to the declared union: the code path for queue mappings exists before the first one.
    for (const mapping of eventSourceMappings as readonly EventSourceMapping[]) {
      const fn = this.functions[mapping.function];
      if (mapping.kind === 'tableStream') {
        fn.consumeTableStream(props.tables[mapping.table], {
          batchSize: mapping.batchSize,
          maxRetries: mapping.maxRetries,
          maxRecordAgeSeconds: mapping.maxRecordAgeSeconds,
          onFailure: props.queues[mapping.onFailure],
        });
      } else {
        fn.consumeQueue(props.queues[mapping.queue], {
          batchSize: mapping.batchSize,
          maxBatchingWindowSeconds: mapping.maxBatchingWindowSeconds,
          maxConcurrency: mapping.maxConcurrency,
        });
      }
    }

    for (const [name, schedule] of Object.entries(schedules)) {
      new Rule(this, `${pascal(name)}Schedule`, {
        description: schedule.description,
        schedule: Schedule.expression(schedule.expression),
        targets: [new LambdaFunction(this.functions[schedule.function], { retryAttempts: 2 })],
      });
    }
  }

  /** The function serving an HTTP route (`functionForRoute`). */
  forRoute(route: RouteDefinition): RelaisFunction {
    return this.functions[functionForRoute(route)];
  }

  private build(name: FunctionName, declared: FunctionDeclaration, props: FunctionsProps): RelaisFunction {
    const fn = new RelaisFunction(this, pascal(name), {
      entry: join(repositoryRoot, declared.entry),
      projectRoot: repositoryRoot,
      depsLockFilePath: join(repositoryRoot, 'package-lock.json'),
      serviceName: name,
      description: declared.description,
      memorySize: declared.memoryMB,
      timeout: Duration.seconds(declared.timeoutSeconds),
      bundling: {
        ...(declared.externalModules ? { externalModules: [...declared.externalModules] } : {}),
        ...(declared.bundledFiles
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) =>
                  (declared.bundledFiles ?? []).map((files) => `cp ${inputDir}/${files} ${outputDir}/`),
              },
            }
          : {}),
      },
    });
    for (const [table, access] of Object.entries(declared.tables ?? {}) as [TableName, Access][]) {
      const indexNames = declaredTables[table].indexes.map((index: { name: string }) => index.name);
      fn.bindTable(envName.table(table), props.tables[table], access, indexNames);
    }
    if (declared.putsEvents) fn.bindBus(envName.bus, props.bus);
    for (const queue of declared.sendsTo ?? []) fn.bindQueue(envName.queue(queue), props.queues[queue]);
    for (const [bucket, access] of Object.entries(declared.buckets ?? {}) as [BucketName, BucketAccess][]) {
      fn.bindBucket(envName.bucket(bucket), props.buckets[bucket], access);
    }
    for (const secret of declared.secrets ?? []) fn.bindSecret(envName.secret(secret), props.secrets[secret]);
    if (declared.queriesLake) fn.bindLakeQueries(props.lakeQueries);
    return fn;
  }
}
