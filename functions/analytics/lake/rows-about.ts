/**
 * The lake rows about one person, for their access request: the curated events carrying their
 * pseudonym, or one of the visitor ids linked to them, every day of the lake. Run by the query
 * engine of the environment (Athena in the cloud, DuckDB over the mirrored lake locally) with
 * bound values, so nothing the request holds becomes SQL.
 */
import { lakeCatalog } from '#schemas/analytics/lake.ts';
import { engineFromEnvironment } from '../engines/from-environment.ts';
import { awaitExecution, type QueryResult } from '../engines/index.ts';
import { pseudonymOf } from './privacy.ts';

/** Longest a search may run before the job gives up (it is retried). */
const searchTimeoutMs = 10 * 60 * 1000;

export type LakeRowsAbout = { rows: Record<string, unknown>[]; truncated: boolean };

/**
 * The curated rows whose `customer_pid` is the customer's pseudonym (under `key`), or whose
 * `anonymous_id` is one of `anonymousIds`, oldest first.
 */
export const lakeRowsAbout = async (
  person: { customerId: string; anonymousIds: readonly string[] },
  key: string,
): Promise<LakeRowsAbout> => {
  const visitors =
    person.anonymousIds.length > 0
      ? ` OR anonymous_id IN (${person.anonymousIds.map(() => '?').join(', ')})`
      : '';
  const engine = await engineFromEnvironment();
  const { executionId } = await engine.start({
    sql: `SELECT * FROM ${lakeCatalog.curatedTable} WHERE customer_pid = ?${visitors} ORDER BY occurred_at, event_id`,
    values: [pseudonymOf(person.customerId, key), ...person.anonymousIds].map((value) => ({
      type: 'string' as const,
      value,
    })),
  });
  const state = await awaitExecution(engine, executionId, { timeoutMs: searchTimeoutMs });
  if (state.state !== 'succeeded') {
    throw new Error(
      `the lake search for an access request did not succeed: ${state.state === 'failed' ? state.error : 'timed out'}`,
    );
  }
  return { rows: asObjects(state.result), truncated: state.result.truncated };
};

const asObjects = (result: QueryResult): Record<string, unknown>[] =>
  result.rows.map((row) =>
    Object.fromEntries(result.columns.map((column, i) => [column.name, row[i] ?? null])),
  );
