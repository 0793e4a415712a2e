/**
 * Writes that happen together or not at all (DynamoDB TransactWriteItems, up to 100 items).
 * What a cancellation means decides the answer:
 * - a failed condition (someone changed the item since it was read): the caller lost a race
 *   and answers 409 — `false` here;
 * - another transaction on the same items at that moment, or throttling: passing; retried with
 *   backoff, and after the last try a 503 the user may retry;
 * - anything else (a bad request, an oversized item collection): a defect, thrown.
 * Every try carries the same ClientRequestToken, so a retry of a transaction that was in fact
 * written (its answer lost on the way) is not written twice, nor reported as a lost race.
 * A transaction whose answer never came (the SDK's timed-out tries, same token) may or may not
 * be written: the 503 then says so, and asks to reload before saving again.
 */
import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { backoffMs } from './backoff.ts';
import { documents } from './clients/dynamodb.ts';
import { ServiceUnavailable } from './errors.ts';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Cancellation reasons that pass: a concurrent transaction, or capacity. */
const passingReasons = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);
/** Whole-request errors that pass (the SDK has retried them already). */
const passingErrors = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
]);
/** Errors after which nobody knows whether the transaction was written. */
const unknownOutcomes = new Set(['TimeoutError', 'RequestTimeout', 'AbortError']);
/** Tries of a transaction cancelled for a passing reason. */
const attempts = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a failed try means: a lost race, a passing failure worth another try, or a defect. */
const verdict = (error: unknown): 'lostRace' | 'passing' | 'defect' => {
  if (error instanceof TransactionCanceledException) {
    const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
    if (codes.includes('ConditionalCheckFailed')) return 'lostRace';
    const failed = codes.filter((code) => code !== 'None');
    return failed.length > 0 && failed.every((code) => passingReasons.has(code)) ? 'passing' : 'defect';
  }
  return passingErrors.has((error as { name?: string } | null)?.name ?? '') ? 'passing' : 'defect';
};

/** True when every item was written; false when a condition failed (a lost race: answer 409). */
export const writeTogether = async (items: TransactItems): Promise<boolean> => {
  const token = randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      await documents.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: token }));
      return true;
    } catch (error) {
      if (unknownOutcomes.has((error as { name?: string } | null)?.name ?? '')) {
        throw new ServiceUnavailable(
          'The save could not be confirmed in time: it may or may not have been kept. Reload the file to see before saving again.',
        );
      }
      const meaning = verdict(error);
      if (meaning === 'lostRace') return false;
      if (meaning === 'defect') throw error;
      if (attempt === attempts) {
        throw new ServiceUnavailable(
          'The records are busy right now; nothing was saved. Try again in a moment.',
        );
      }
      await sleep(backoffMs(attempt));
    }
  }
};
