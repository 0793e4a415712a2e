/**
 * The cloud query engine: Athena (engine 3, Trino) in the analysts' workgroup, on the Glue
 * database of the lake. The workgroup enforces the results location and the bytes-scanned
 * limit, so neither is set here. Values travel as execution parameters (typed literals that
 * Athena substitutes server-side, as `EXECUTE … USING` does), never spliced into the text.
 * Athena keeps executions and their results, so a run needs no storage of ours: its state is
 * read back from `GetQueryExecution` whenever the caller polls.
 */
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type GetQueryResultsOutput,
  type QueryExecution,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { lakeCatalog } from '#schemas/analytics/lake.ts';
import { settings } from '#shared/env.ts';
import { sqlLiteral } from '../queries/parameters.ts';
import {
  type Cell,
  type ExecutionState,
  isoTimestamp,
  maxResultRows,
  normaliseType,
  type QueryEngine,
  type ResultColumn,
} from './index.ts';

export type AthenaEngineOptions = {
  workgroup: string;
  database: string;
  client?: AthenaClient;
};

const toCell = (value: string | undefined, type: string): Cell => {
  if (value === undefined) return null;
  switch (type) {
    case 'bigint':
    case 'double':
      return Number(value);
    case 'boolean':
      return value === 'true';
    case 'timestamp':
      return isoTimestamp(value);
    default:
      return value;
  }
};

const readResults = async (client: AthenaClient, executionId: string) => {
  let columns: ResultColumn[] = [];
  const rows: Cell[][] = [];
  let token: string | undefined;
  let first = true;
  let truncated = false;
  do {
    const page: GetQueryResultsOutput = await client.send(
      new GetQueryResultsCommand({ QueryExecutionId: executionId, NextToken: token, MaxResults: 1000 }),
    );
    if (first) {
      columns = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((column) => ({
        name: column.Name ?? column.Label ?? '',
        type: normaliseType(column.Type ?? 'varchar'),
      }));
    }
    // The first row of the first page repeats the column names (SELECT statements).
    const data = (page.ResultSet?.Rows ?? []).slice(first ? 1 : 0);
    first = false;
    for (const row of data) {
      if (rows.length >= maxResultRows) {
        truncated = true;
        break;
      }
      rows.push(columns.map((column, i) => toCell(row.Data?.[i]?.VarCharValue, column.type)));
    }
    token = truncated ? undefined : page.NextToken;
  } while (token);
  return { columns, rows, truncated };
};

const stateOf = async (
  client: AthenaClient,
  execution: QueryExecution,
  executionId: string,
): Promise<ExecutionState> => {
  const submitted = execution.Status?.SubmissionDateTime ?? new Date();
  const startedAt = submitted.toISOString();
  const stats = execution.Statistics;
  const bytesScanned = stats?.DataScannedInBytes;
  switch (execution.Status?.State) {
    case 'SUCCEEDED': {
      const { columns, rows, truncated } = await readResults(client, executionId);
      return {
        state: 'succeeded',
        startedAt,
        result: {
          columns,
          rows,
          truncated,
          stats: {
            durationMs: stats?.TotalExecutionTimeInMillis ?? stats?.EngineExecutionTimeInMillis ?? 0,
            ...(bytesScanned === undefined ? {} : { bytesScanned }),
            rowCount: rows.length,
          },
        },
      };
    }
    case 'FAILED':
    case 'CANCELLED':
      return {
        state: 'failed',
        startedAt,
        error:
          execution.Status?.AthenaError?.ErrorMessage ??
          execution.Status?.StateChangeReason ??
          `query ${execution.Status?.State.toLowerCase()}`,
      };
    default:
      return {
        state: 'running',
        startedAt,
        phase: (execution.Status?.State ?? 'QUEUED').toLowerCase(),
        elapsedMs: Date.now() - submitted.getTime(),
        ...(bytesScanned === undefined ? {} : { bytesScanned }),
      };
  }
};

/** An Athena engine in one workgroup and database. */
export const athenaEngine = ({
  workgroup,
  database,
  client = new AthenaClient({}),
}: AthenaEngineOptions): QueryEngine => ({
  name: 'athena',
  start: async (query) => {
    const started = await client.send(
      new StartQueryExecutionCommand({
        QueryString: query.sql,
        WorkGroup: workgroup,
        QueryExecutionContext: { Catalog: 'AwsDataCatalog', Database: database },
        ...(query.values.length ? { ExecutionParameters: query.values.map(sqlLiteral) } : {}),
      }),
    );
    if (!started.QueryExecutionId) throw new Error('Athena answered no query execution id');
    return { executionId: started.QueryExecutionId, startedAt: new Date().toISOString() };
  },
  status: async (executionId) => {
    let execution: QueryExecution | undefined;
    try {
      execution = (await client.send(new GetQueryExecutionCommand({ QueryExecutionId: executionId })))
        .QueryExecution;
    } catch (error) {
      if ((error as Error).name === 'InvalidRequestException') return undefined;
      throw error;
    }
    // Only this workgroup's executions: a run id must not open another team's results.
    if (!execution || execution.WorkGroup !== workgroup) return undefined;
    return stateOf(client, execution, executionId);
  },
});

/** The engine of a deployed function: `ATHENA_WORKGROUP` and `GLUE_DATABASE` from its binding. */
export const athenaEngineFromEnvironment = (): QueryEngine => {
  const workgroup = settings.athenaWorkgroup();
  if (!workgroup)
    throw new Error('ATHENA_WORKGROUP is not set: in which Athena workgroup should queries run?');
  return athenaEngine({ workgroup, database: settings.glueDatabase() ?? lakeCatalog.database });
};
