/**
 * The archiver's batches under way, so an erasure knows when none that began before its
 * tombstones can still write a row about the erased person (a batch reads the tombstones once,
 * at its start). One item in the ingest table holds a set of `<began at>#<id>`: a batch adds
 * itself before it reads the tombstones and removes itself when it ends, taking away too any
 * entry left by a batch that crashed (older than twice the archiver's timeout).
 *
 * An erasure waits until no batch that began before its tombstones is under way — at most the
 * archiver's timeout, after which Lambda has stopped any such batch. Clocks of two functions may
 * differ a little: a batch is counted as begun before when it began up to `clockSkewMs` after.
 */

import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { functions } from '#infra/declaration/functions.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { ingestKeys } from '#shared/table/ingest-table.ts';

/** The longest a batch runs: Lambda stops the archiver after its timeout. */
const archiverBatchMs = functions.lakeArchiver.timeoutSeconds * 1000;

const clockSkewMs = 2_000;
const pollMs = 500;

const key = () => ({ pk: ingestKeys.archiverBatches() });
const beganAt = (entry: string) => Date.parse(entry.slice(0, entry.indexOf('#')));

/** Records a batch as under way: answers the call that records its end. */
export const beginArchiverBatch = async (now = new Date()): Promise<() => Promise<void>> => {
  const entry = `${now.toISOString()}#${randomUUID()}`;
  const answer = await documents.send(
    new UpdateCommand({
      TableName: tableName('ingest'),
      Key: key(),
      UpdateExpression: 'ADD running :entry',
      ExpressionAttributeValues: { ':entry': new Set([entry]) },
      ReturnValues: 'ALL_NEW',
    }),
  );
  const running = (answer.Attributes?.running as Set<string> | undefined) ?? new Set<string>();
  const crashed = [...running].filter((other) => beganAt(other) < now.getTime() - 2 * archiverBatchMs);
  return async () => {
    await documents.send(
      new UpdateCommand({
        TableName: tableName('ingest'),
        Key: key(),
        UpdateExpression: 'DELETE running :entries',
        ExpressionAttributeValues: { ':entries': new Set([entry, ...crashed]) },
      }),
    );
  };
};

/** How many batches that began before `instant` are still under way (crashed ones left out). */
const begunBefore = async (instant: number, now: number): Promise<number> => {
  const answer = await documents.send(
    new GetCommand({ TableName: tableName('ingest'), Key: key(), ConsistentRead: true }),
  );
  const running = (answer.Item?.running as Set<string> | undefined) ?? new Set<string>();
  return [...running].filter((entry) => {
    const began = beganAt(entry);
    return began < instant + clockSkewMs && began > now - archiverBatchMs;
  }).length;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until every archiver batch begun before `instant` has ended (at most its timeout). */
export const archiverBatchesBefore = async (instant: Date, now = () => new Date()): Promise<void> => {
  const deadline = instant.getTime() + clockSkewMs + archiverBatchMs;
  while (now().getTime() < deadline && (await begunBefore(instant.getTime(), now().getTime())) > 0) {
    await sleep(pollMs);
  }
};
