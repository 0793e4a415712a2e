/**
 * The Athena engine against a mocked Athena: a saved query starts in the analysts' workgroup
 * with its values as execution parameters, progress reports bytes scanned, results are read
 * page after page into typed cells, and a run of another workgroup is not found.
 */
import {
  AthenaClient,
  GetQueryExecutionCommand,
  type GetQueryExecutionOutput,
  GetQueryResultsCommand,
  type QueryExecution,
  type QueryExecutionState,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { athenaEngine } from '#functions/analytics/engines/athena.ts';
import { awaitExecution } from '#functions/analytics/engines/index.ts';
import { savedQueries } from '#functions/analytics/queries/catalogue.ts';
import { bindParameters } from '#functions/analytics/queries/parameters.ts';

const athena = mockClient(AthenaClient);
const engine = athenaEngine({
  workgroup: 'relais-analysts',
  database: 'relais_lake',
  client: new AthenaClient({}),
});
const submitted = new Date('2026-11-23T10:00:00Z');

const execution = (
  state: QueryExecutionState,
  extra: Partial<QueryExecution> = {},
): GetQueryExecutionOutput => ({
  QueryExecution: {
    QueryExecutionId: 'q-1',
    WorkGroup: 'relais-analysts',
    Status: { State: state, SubmissionDateTime: submitted },
    Statistics: { DataScannedInBytes: 12_345_678, TotalExecutionTimeInMillis: 4200 },
    ...extra,
  },
});

const cells = (...values: (string | undefined)[]) => ({
  Data: values.map((v) => (v === undefined ? {} : { VarCharValue: v })),
});

beforeEach(() => {
  athena.reset();
});

describe('the Athena engine', () => {
  it('starts a saved query in the workgroup, on the lake database, with typed execution parameters', async () => {
    // Prepare
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    const query = bindParameters(savedQueries().find('daily-active-customers')!, {
      from: '2024-03-04',
      to: '2024-03-06',
      channel: 'web',
    });
    // Act
    const started = await engine.start(query);
    // Assess
    expect(started.executionId).toBe('q-1');
    const input = athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      WorkGroup: 'relais-analysts',
      QueryExecutionContext: { Catalog: 'AwsDataCatalog', Database: 'relais_lake' },
      ExecutionParameters: ["DATE '2024-03-04'", "DATE '2024-03-06'", "'web'", "'web'"],
    });
    expect(input?.QueryString).not.toContain('web');
    expect(input?.QueryString).toContain('CAST(? AS varchar)');
  });

  it('reports a running query with its phase and the bytes scanned so far', async () => {
    // Prepare
    athena.on(GetQueryExecutionCommand).resolves(execution('RUNNING'));
    // Act
    const state = await engine.status('q-1');
    // Assess
    expect(state).toMatchObject({
      state: 'running',
      phase: 'running',
      startedAt: '2026-11-23T10:00:00.000Z',
      bytesScanned: 12_345_678,
    });
  });

  it('reads the results page after page, without the header row, as typed cells', async () => {
    // Prepare
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    const columns = [
      { Name: 'day', Type: 'varchar' },
      { Name: 'active_customers', Type: 'bigint' },
      { Name: 'share', Type: 'double' },
      { Name: 'first_seen', Type: 'timestamp' },
    ];
    athena
      .on(GetQueryResultsCommand)
      .resolvesOnce({
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: columns },
          Rows: [
            cells('day', 'active_customers', 'share', 'first_seen'),
            cells('2024-03-04', '2', '40.5', '2024-03-04 09:00:00.000'),
          ],
        },
        NextToken: 'page-2',
      })
      .resolvesOnce({
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: columns },
          Rows: [cells('2024-03-05', '4', undefined, undefined)],
        },
      });
    // Act
    const state = await awaitExecution(engine, 'q-1', { timeoutMs: 1000 });
    // Assess
    expect(state.state === 'succeeded' && state.result).toEqual({
      columns: [
        { name: 'day', type: 'varchar' },
        { name: 'active_customers', type: 'bigint' },
        { name: 'share', type: 'double' },
        { name: 'first_seen', type: 'timestamp' },
      ],
      rows: [
        ['2024-03-04', 2, 40.5, '2024-03-04T09:00:00.000Z'],
        ['2024-03-05', 4, null, null],
      ],
      stats: { durationMs: 4200, bytesScanned: 12_345_678, rowCount: 2 },
      truncated: false,
    });
    expect(athena.commandCalls(GetQueryResultsCommand)[1]?.args[0].input.NextToken).toBe('page-2');
  });

  it('reports a failed query with Athena’s reason', async () => {
    // Prepare
    athena.on(GetQueryExecutionCommand).resolves(
      execution('FAILED', {
        Status: {
          State: 'FAILED',
          SubmissionDateTime: submitted,
          AthenaError: { ErrorMessage: 'Bytes scanned limit was exceeded' },
        },
      }),
    );
    // Act
    const state = await engine.status('q-1');
    // Assess
    expect(state).toMatchObject({ state: 'failed', error: 'Bytes scanned limit was exceeded' });
  });

  it('knows no execution of another workgroup, nor an unknown one', async () => {
    // Prepare
    athena
      .on(GetQueryExecutionCommand, { QueryExecutionId: 'q-other' })
      .resolves(execution('SUCCEEDED', { WorkGroup: 'finance' }));
    athena
      .on(GetQueryExecutionCommand, { QueryExecutionId: 'q-none' })
      .rejects(Object.assign(new Error('not found'), { name: 'InvalidRequestException' }));
    // Act
    const other = await engine.status('q-other');
    const none = await engine.status('q-none');
    // Assess
    expect(other).toBeUndefined();
    expect(none).toBeUndefined();
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });
});
