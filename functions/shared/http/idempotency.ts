/**
 * `Idempotency-Key` on creating POSTs, with Powertools idempotency: a retried request with the
 * same key and body gets the first answer again and creates nothing; the same key with another
 * body is a 422; a key still in progress is a 409. Keys are scoped to the route and the caller.
 */
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { dynamodb } from '../clients/dynamodb.ts';
import { tableName } from '../env.ts';
import { ValidationFailed } from '../errors.ts';

type Keyed = { key: string; payload: unknown };

let persistenceStore: DynamoDBPersistenceLayer | undefined;
const store = () => {
  persistenceStore ??= new DynamoDBPersistenceLayer({
    tableName: tableName('idempotency'),
    awsSdkV3Client: dynamodb,
  });
  return persistenceStore;
};

/** Idempotency-Key values: printable, 8 to 128 characters (a UUID fits). */
const validKey = /^[\x21-\x7e]{8,128}$/;

/**
 * Runs `work` at most once per (route, caller, key); returns the stored answer on a retry.
 * Without a key, `work` simply runs.
 */
export const onceByKey = async <T>(
  scope: { routeId: string; callerId: string; key: string | undefined; payload: unknown; context: Context },
  work: () => Promise<T>,
): Promise<T> => {
  if (scope.key === undefined) return work();
  if (!validKey.test(scope.key)) {
    throw new ValidationFailed([
      { field: 'Idempotency-Key', message: 'use 8 to 128 printable characters, e.g. a UUID' },
    ]);
  }
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'payload',
    expiresAfterSeconds: 24 * 60 * 60,
    throwOnNoIdempotencyKey: true,
  });
  config.registerLambdaContext(scope.context);
  const run = makeIdempotent(async (_: Keyed) => work(), { persistenceStore: store(), config });
  return (await run({ key: `${scope.routeId}#${scope.callerId}#${scope.key}`, payload: scope.payload })) as T;
};
