/**
 * DynamoDB's batch calls (BatchGetItem, BatchWriteItem) take a bounded number of keys or writes
 * a request and may leave some unprocessed (throttling, size): this sends a list chunk by chunk,
 * sends again what came back unprocessed after a backoff, and gives up after a few rounds (an
 * error the caller's retry handles).
 */
import { backoffMs } from './backoff.ts';

/** Rounds of unprocessed entries before giving up. */
const maxRounds = 8;

/**
 * Sends `entries` `perRequest` at a time; `send` answers what it left unprocessed.
 * @param what what the entries are, for the error: `keys of customers`
 */
export const sendAllProcessed = async <T>(
  entries: readonly T[],
  perRequest: number,
  what: string,
  send: (chunk: T[]) => Promise<T[]>,
): Promise<void> => {
  for (let start = 0; start < entries.length; start += perRequest) {
    let pending = entries.slice(start, start + perRequest);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= maxRounds)
        throw new Error(`${pending.length} ${what} still unprocessed after ${maxRounds} rounds`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, backoffMs(round)));
      pending = await send(pending);
    }
  }
};
