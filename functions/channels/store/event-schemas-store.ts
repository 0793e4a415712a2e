/**
 * Custom event schemas in the main table, one item per name and version under one partition
 * (developers register a few dozen at most). Ingestion asks for the latest version of a name
 * through a cache: a newly registered version applies within `schemaCacheMs` (60 s) everywhere,
 * at once on the instance that registered it.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import { EventSchemaDefinition } from '#schemas/channels/event-schema.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { queryAll } from '#shared/query-all.ts';
import { channelKeys } from '#shared/table/main-table.ts';
import { compileEventSchema, nextVersion } from '../domain/custom-events.ts';
import { miss, ttlCache } from './ttl-cache.ts';

const table = () => tableName('main');

/** Every registered schema, by name, newest version first. */
export const listEventSchemas = async (): Promise<EventSchemaDefinition[]> => {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': channelKeys.eventSchemasPk },
  });
  return items
    .map((item) => EventSchemaDefinition.parse(item))
    .sort((a, b) => a.name.localeCompare(b.name) || b.version - a.version);
};

/** The latest version of a name, if any (strongly consistent: registration reads it). */
export const latestEventSchema = async (name: string): Promise<EventSchemaDefinition | undefined> => {
  const result = await documents.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :name)',
      ExpressionAttributeValues: { ':pk': channelKeys.eventSchemasPk, ':name': `${name}#` },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const item = result.Items?.[0];
  return item ? EventSchemaDefinition.parse(item) : undefined;
};

export const schemaCacheMs = 60_000;
const validators = ttlCache<z.ZodType | undefined>(schemaCacheMs, 500);

/** Registers `definition` as the next version of its name (retrying if two registrations race). */
export const registerEventSchema = async (
  definition: Omit<EventSchemaDefinition, 'version'>,
): Promise<EventSchemaDefinition> => {
  const validator = await compileEventSchema(definition.jsonSchema);
  for (let attempt = 0; attempt < 5; attempt++) {
    const version = nextVersion((await latestEventSchema(definition.name))?.version);
    const saved = { ...definition, version };
    try {
      await documents.send(
        new PutCommand({
          TableName: table(),
          Item: {
            pk: channelKeys.eventSchemasPk,
            sk: channelKeys.eventSchemaSk(definition.name, version),
            entity: 'eventSchema',
            ...saved,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      validators.set(definition.name, validator);
      return saved;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  throw new Error(
    `could not register a new version of ${definition.name}: too many concurrent registrations`,
  );
};

/** The validator of the latest version of a custom event name, or `undefined` if none is registered. */
export const customEventValidator = async (
  name: string,
  now = Date.now(),
): Promise<z.ZodType | undefined> => {
  const cached = validators.get(name, now);
  if (cached !== miss) return cached;
  const latest = await latestEventSchema(name);
  const validator = latest ? await compileEventSchema(latest.jsonSchema) : undefined;
  validators.set(name, validator, now);
  return validator;
};
