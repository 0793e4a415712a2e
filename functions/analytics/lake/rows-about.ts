/**
 * The lake rows about one person: the curated events carrying their pseudonym, or one of the
 * visitor ids linked to them, every day of the lake — all of them for their access request (read
 * by ranges of days under the engine's answer size), the partitions that hold them for their
 * erasure. Run by the query engine of the environment
 * (Athena in the cloud, DuckDB over the mirrored lake locally) with bound values, so nothing the
 * request holds becomes SQL.
 */
import { lakeCatalog } from '#schemas/analytics/lake.ts';
import { engineFromEnvironment } from '../engines/from-environment.ts';
import { awaitExecution, maxResultRows, type QueryResult } from '../engines/index.ts';
import type { Partition } from './layout.ts';
import { pseudonymOf } from './privacy.ts';

/** Longest a search may run before the job gives up (it is retried). */
const searchTimeoutMs = 10 * 60 * 1000;

export type LakeRowsAbout = { rows: Record<string, unknown>[]; truncated: boolean };

/** Whom a search is about: a customer, and the visitor ids linked to them. */
export type LakePerson = { customerId: string; anonymousIds: readonly string[] };

/**
 * Runs `SELECT <columns> … WHERE (<the person's rows>) [AND dt BETWEEN <days>] <rest>` and
 * answers its result.
 */
const searchAbout = async (
  person: LakePerson,
  key: string,
  query: { columns: string; rest: string; days?: DayRange },
): Promise<QueryResult> => {
  const visitors =
    person.anonymousIds.length > 0
      ? ` OR anonymous_id IN (${person.anonymousIds.map(() => '?').join(', ')})`
      : '';
  const days = query.days ? ' AND dt BETWEEN ? AND ?' : '';
  const engine = await engineFromEnvironment();
  const { executionId } = await engine.start({
    sql: `SELECT ${query.columns} FROM ${lakeCatalog.curatedTable} WHERE (customer_pid = ?${visitors})${days} ${query.rest}`,
    values: [
      pseudonymOf(person.customerId, key),
      ...person.anonymousIds,
      ...(query.days ? [query.days.from, query.days.to] : []),
    ].map((value) => ({ type: 'string' as const, value })),
  });
  const state = await awaitExecution(engine, executionId, { timeoutMs: searchTimeoutMs });
  if (state.state !== 'succeeded') {
    throw new Error(
      `the lake search about a person did not succeed: ${state.state === 'failed' ? state.error : 'timed out'}`,
    );
  }
  return state.result;
};

/** Consecutive days of the lake, `YYYY-MM-DD`, both included. */
export type DayRange = { from: string; to: string };

/**
 * The days of `counts` (rows per day, in day order) in as few ranges as hold at most `cap` rows
 * each; a day alone over the cap makes a range of its own (its answer is then truncated).
 */
export const daysInRanges = (counts: readonly { dt: string; rows: number }[], cap: number): DayRange[] => {
  const ranges: (DayRange & { rows: number })[] = [];
  for (const { dt, rows } of counts) {
    const last = ranges.at(-1);
    if (last && last.rows + rows <= cap) {
      last.to = dt;
      last.rows += rows;
    } else ranges.push({ from: dt, to: dt, rows });
  }
  return ranges.map(({ from, to }) => ({ from, to }));
};

/**
 * The curated rows whose `customer_pid` is the customer's pseudonym (under `key`), or whose
 * `anonymous_id` is one of `anonymousIds`, oldest first. The engine answers at most
 * `maxResultRows` rows a query: the rows are counted per day first, then read by ranges of days
 * that each fit in an answer; `truncated` only if one day alone holds more.
 */
export const lakeRowsAbout = async (person: LakePerson, key: string): Promise<LakeRowsAbout> => {
  const perDay = await searchAbout(person, key, {
    columns: 'dt, count(*) AS "rows"',
    rest: 'GROUP BY dt ORDER BY dt',
  });
  const counts = asObjects(perDay).map((row) => ({ dt: String(row.dt), rows: Number(row.rows) }));
  const rows: Record<string, unknown>[] = [];
  let truncated = perDay.truncated;
  for (const days of daysInRanges(counts, maxResultRows)) {
    const result = await searchAbout(person, key, {
      columns: '*',
      rest: 'ORDER BY occurred_at, event_id',
      days,
    });
    rows.push(...asObjects(result));
    truncated ||= result.truncated;
  }
  return { rows, truncated };
};

/** The hour partitions that hold a row about the person (a few hundred at most: never truncated). */
export const lakePartitionsAbout = async (person: LakePerson, key: string): Promise<Partition[]> => {
  const result = await searchAbout(person, key, {
    columns: 'DISTINCT dt, "hour"',
    rest: 'ORDER BY dt, "hour"',
  });
  if (result.truncated) throw new Error('the partitions about a person were more than one answer holds');
  return asObjects(result).map((row) => ({ dt: String(row.dt), hour: String(row.hour) }));
};

const asObjects = (result: QueryResult): Record<string, unknown>[] =>
  result.rows.map((row) =>
    Object.fromEntries(result.columns.map((column, i) => [column.name, row[i] ?? null])),
  );
