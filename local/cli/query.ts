/**
 * `npm run query`: the analysts' saved queries, or ad-hoc SQL, from a terminal.
 *
 *   npm run query -- --list
 *   npm run query -- <query-id>[@<version>] [--param name=value ...] [--format table|csv|json] [--out file]
 *   npm run query -- --sql "select event_type, count(*) from events group by 1"
 *   npm run query -- <query-id> --athena        (AWS credentials of the environment, ATHENA_WORKGROUP)
 *
 * Locally the query runs on DuckDB over the running sandbox's lake: the bucket is mirrored into
 * `.sandbox/lake/<bucket>/` first (new and changed files only). Progress goes to stderr, the
 * result to stdout (or `--out`), so the output can be piped.
 */
import './node-version.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { athenaEngine } from '#functions/analytics/engines/athena.ts';
import { duckdbEngine } from '#functions/analytics/engines/duckdb.ts';
import {
  awaitExecution,
  type Cell,
  type EngineQuery,
  type ExecutionState,
  type QueryEngine,
  type ResultColumn,
} from '#functions/analytics/engines/index.ts';
import { lakeMirrorRoot, type MirrorReport, mirrorBucket } from '#functions/analytics/engines/lake-mirror.ts';
import { savedQueries } from '#functions/analytics/queries/catalogue.ts';
import { bindParameters } from '#functions/analytics/queries/parameters.ts';
import { lakeCatalog } from '#schemas/analytics/lake.ts';
import { RelaisError, ValidationFailed } from '#shared/errors.ts';
import { toCsv } from '#web/src/features/analytics/utils/csv.ts';
import { emulatorEnvironment } from '../emulator.ts';
import { sandboxPlan } from '../resources/plan.ts';

export type Format = 'table' | 'csv' | 'json';

export type QueryCommand =
  | { kind: 'help' }
  | { kind: 'list' }
  | {
      kind: 'run';
      /** A saved query (`id` or `id@version`), or ad-hoc SQL. */
      target: { queryId: string; version?: number } | { sql: string };
      parameters: Record<string, string>;
      athena: boolean;
      format: Format;
      out?: string;
      sandbox: string;
    };

export const usage = `Usage:
  npm run query -- --list
  npm run query -- <query-id>[@<version>] [--param name=value ...] [--athena] [--format table|csv|json] [--out file]
  npm run query -- --sql "select ..." [--athena] [--format ...] [--out file]

Options:
  --param name=value  A parameter of the saved query (repeat for each); the others take their default.
  --athena            Run on Athena with the environment's AWS credentials (ATHENA_WORKGROUP,
                      GLUE_DATABASE, default ${lakeCatalog.database}) instead of DuckDB on the sandbox's lake.
  --format            table (default on a terminal), csv or json; --out file.csv|.json picks it too.
  --out file          Write the result to a file instead of stdout.
  --sandbox name      The sandbox whose lake is read (.sandbox/<name>.json). Default: relais.
`;

/** Reads the command line (without `node script`); throws with a readable message. */
export const parseCommand = (argv: string[]): QueryCommand => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      list: { type: 'boolean' },
      sql: { type: 'string' },
      param: { type: 'string', multiple: true, short: 'p' },
      athena: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      sandbox: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { kind: 'help' };
  if (values.list) return { kind: 'list' };
  const parameters: Record<string, string> = {};
  for (const pair of values.param ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`--param ${pair}: write it name=value`);
    parameters[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const byExtension = values.out?.endsWith('.csv')
    ? 'csv'
    : values.out?.endsWith('.json')
      ? 'json'
      : undefined;
  const format = values.format ?? byExtension ?? 'table';
  if (format !== 'table' && format !== 'csv' && format !== 'json') {
    throw new Error(`--format ${format}: use table, csv or json`);
  }
  let target: { queryId: string; version?: number } | { sql: string };
  if (values.sql !== undefined) {
    if (positionals.length) throw new Error('give a saved query id or --sql, not both');
    if (Object.keys(parameters).length) throw new Error('--param applies to saved queries, not to --sql');
    target = { sql: values.sql };
  } else {
    const [name, ...extra] = positionals;
    if (!name) return { kind: 'help' };
    if (extra.length) throw new Error(`unexpected arguments: ${extra.join(' ')}`);
    const match = /^([a-z0-9-]+)(?:@v?(\d+))?$/.exec(name);
    if (!match) throw new Error(`${name}: a saved query id looks like daily-active-customers (or …@2)`);
    target = { queryId: match[1] ?? '', ...(match[2] ? { version: Number(match[2]) } : {}) };
  }
  return {
    kind: 'run',
    target,
    parameters,
    athena: values.athena === true,
    format,
    ...(values.out ? { out: values.out } : {}),
    sandbox: values.sandbox ?? 'relais',
  };
};

const maxCellWidth = 60;
const clip = (text: string) => (text.length > maxCellWidth ? `${text.slice(0, maxCellWidth - 1)}…` : text);
const shown = (cell: Cell) => (cell === null ? '' : clip(String(cell)));

/** A result as an aligned text table (numbers to the right), for a terminal. */
export const formatTable = (columns: readonly ResultColumn[], rows: readonly (readonly Cell[])[]): string => {
  const widths = columns.map((column, i) =>
    Math.max(column.name.length, ...rows.map((row) => shown(row[i] ?? null).length)),
  );
  const numeric = columns.map((c) => c.type === 'bigint' || c.type === 'double');
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.name)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((row) => line(row.map(shown))),
  ].join('\n');
};

/** A result in the chosen format, ending with a line break. */
export const formatResult = (
  format: Format,
  columns: readonly ResultColumn[],
  rows: readonly (readonly Cell[])[],
): string => {
  switch (format) {
    case 'csv':
      return toCsv(columns, rows);
    case 'json':
      return `${JSON.stringify(
        rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row[i] ?? null]))),
        null,
        2,
      )}\n`;
    case 'table':
      return `${formatTable(columns, rows)}\n`;
  }
};

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 2 : 1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A spinner with the phase, elapsed time and bytes scanned on a terminal; state changes in a log. */
const progress = (label: string, stream: NodeJS.WriteStream = process.stderr) => {
  const frames = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
  const started = Date.now();
  let frame = 0;
  let detail = 'starting';
  let lastLogged = '';
  const draw = () => {
    if (stream.isTTY) {
      stream.write(
        `\r${frames[frame++ % frames.length]} ${label}: ${detail} ${seconds(Date.now() - started)}\x1b[K`,
      );
    } else if (detail !== lastLogged) {
      lastLogged = detail;
      stream.write(`${label}: ${detail}\n`);
    }
  };
  const timer = setInterval(draw, 100);
  draw();
  return {
    update: (state: ExecutionState) => {
      if (state.state !== 'running') return;
      detail = `${state.phase}${state.bytesScanned ? `, ${megabytes(state.bytesScanned)} scanned` : ''}`;
    },
    done: (message: string) => {
      clearInterval(timer);
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${message}\n`);
    },
  };
};

type SandboxState = { awsEndpoint: string; prefix: string };

/** The running sandbox's emulator and lake bucket, or an explanation of what to start. */
const localLake = async (name: string) => {
  const file = fileURLToPath(new URL(`../../.sandbox/${name}.json`, import.meta.url));
  const state = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as SandboxState)
    .catch(() => undefined);
  const up =
    state &&
    (await fetch(state.awsEndpoint, { signal: AbortSignal.timeout(2000) }).then(
      () => true,
      () => false,
    ));
  if (!state || !up) {
    throw new Error(
      'No running sandbox was found: start it with `npm start` (its lake is what DuckDB reads), or use --athena.',
    );
  }
  Object.assign(process.env, emulatorEnvironment(state.awsEndpoint));
  return { bucket: sandboxPlan(state.prefix).lakeBucket };
};

/** The engine the command asks for, and a line saying what the local mirror did. */
const engineFor = async (command: Extract<QueryCommand, { kind: 'run' }>) => {
  if (command.athena) {
    const workgroup = process.env.ATHENA_WORKGROUP;
    if (!workgroup)
      throw new Error('--athena: set ATHENA_WORKGROUP to the analysts’ workgroup (see the stack outputs)');
    const engine = athenaEngine({ workgroup, database: process.env.GLUE_DATABASE ?? lakeCatalog.database });
    return { engine, mirrored: () => '' };
  }
  const { bucket } = await localLake(command.sandbox);
  const dir = join(lakeMirrorRoot(), bucket);
  const s3 = new S3Client({ forcePathStyle: true });
  let report: MirrorReport | undefined;
  const engine: QueryEngine = duckdbEngine({
    lakeDir: dir,
    sync: async (window) => {
      report = await mirrorBucket({ s3, bucket, dir, window });
    },
  });
  return {
    engine,
    mirrored: () =>
      report
        ? `lake s3://${bucket}: ${report.downloaded} file(s) downloaded (${megabytes(report.bytes)}), ` +
          `${report.removed} removed, ${report.kept} unchanged`
        : '',
  };
};

const run = async (command: Extract<QueryCommand, { kind: 'run' }>): Promise<number> => {
  let query: EngineQuery;
  let label: string;
  if ('sql' in command.target) {
    query = { sql: command.target.sql, values: [] };
    label = 'ad-hoc SQL';
  } else {
    const entry = savedQueries().find(command.target.queryId, command.target.version);
    if (!entry) {
      throw new Error(`${command.target.queryId}: no such saved query (npm run query -- --list shows them)`);
    }
    query = bindParameters(entry, command.parameters);
    label = `${entry.id} v${entry.version}`;
  }
  const { engine, mirrored } = await engineFor(command);
  const bar = progress(`${label} (${engine.name})`);
  const { executionId } = await engine.start(query);
  const state = await awaitExecution(engine, executionId, {
    timeoutMs: Number.POSITIVE_INFINITY,
    pollMs: engine.name === 'athena' ? 500 : 50,
    onProgress: bar.update,
  });
  if (state.state !== 'succeeded') {
    bar.done(`✗ ${label} failed`);
    process.stderr.write(`${state.state === 'failed' ? state.error : 'still running'}\n`);
    return 1;
  }
  const { columns, rows, stats, truncated } = state.result;
  const mirror = mirrored();
  bar.done(
    `✓ ${label}: ${stats.rowCount} row(s) in ${seconds(stats.durationMs)}` +
      `${stats.bytesScanned === undefined ? '' : `, ${megabytes(stats.bytesScanned)} scanned`}` +
      `${truncated ? ` (first ${rows.length} shown)` : ''}${mirror ? `\n  ${mirror}` : ''}`,
  );
  const text = formatResult(command.format, columns, rows);
  if (command.out) {
    await writeFile(command.out, text);
    process.stderr.write(`  written to ${command.out}\n`);
  } else {
    process.stdout.write(text);
  }
  return 0;
};

const list = () => {
  for (const entry of savedQueries().latest()) {
    const parameters = entry.parameters
      .map(
        (p) =>
          `${p.name} (${p.type}${p.default === undefined ? '' : `, default ${JSON.stringify(p.default)}`})`,
      )
      .join(', ');
    process.stdout.write(
      `${entry.id}  v${entry.version}\n  ${entry.title.fr} / ${entry.title.en}\n  parameters: ${parameters || 'none'}\n\n`,
    );
  }
};

/** Runs the command line; answers the process exit code. */
export const main = async (argv: string[]): Promise<number> => {
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      process.stdout.write(usage);
      return 0;
    }
    if (command.kind === 'list') {
      list();
      return 0;
    }
    return await run(command);
  } catch (error) {
    const message =
      error instanceof ValidationFailed
        ? error.errors.map((e) => `${e.field.replace(/^parameters\./, '--param ')}: ${e.message}`).join('\n')
        : error instanceof RelaisError || error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`${message}\n`);
    return 2;
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
