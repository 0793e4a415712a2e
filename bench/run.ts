/**
 * `npm run bench`: Relais against bare baselines, in one run, on one machine, each figure a
 * ratio beside its goal. Not a test: the figures depend on the machine (its load is printed).
 *   init     cold init of each Lambda function's bundle vs a bundle of only its SDK clients
 *            (`bench/init.ts`);
 *   query    a saved query with a one-day window over lakes of 1 and 30 days, and over many
 *            small files (`bench/query.ts`);
 *   ingest   events through the local API vs a bare PutEvents loop (`bench/ingest.ts`);
 *   handler  the shared HTTP stack on a trivial route vs a bare handler (`bench/handler.ts`).
 * Options: `--only init,query` (default: all), `--init-runs 7`, `--query-runs 5`, and for the
 * ingestion `--events 20000 --senders 4 --timeout 180` (seconds a phase may last).
 *
 * Each part runs in a process of its own (this script again, with `--part`): the ingestion's
 * sandbox sets the emulator's endpoint and the functions' settings in the environment, the
 * functions' modules read them when loaded, and code the sandbox ran is slower to run again
 * (the handler's figure doubled after it): no part's figures may depend on what ran before it.
 */
import '#local/cli/node-version.ts';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { load, log } from './figures.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'init,query,ingest,handler' },
    /** Internal: the one part this process runs, its report on stdout. */
    part: { type: 'string' },
    'init-runs': { type: 'string', default: '7' },
    'query-runs': { type: 'string', default: '5' },
    events: { type: 'string', default: '20000' },
    senders: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '180' },
  },
});

/** Each part's report lines; its modules are loaded only in its own process. */
const parts = {
  init: async () => (await import('./init.ts')).initBench({ runs: Number(values['init-runs']) }),
  query: async () => (await import('./query.ts')).queryBench({ runs: Number(values['query-runs']) }),
  ingest: async () =>
    (await import('./ingest.ts')).ingestBench({
      events: Number(values.events),
      senders: Number(values.senders),
      timeoutSeconds: Number(values.timeout),
    }),
  handler: async () => (await import('./handler.ts')).handlerBench({ perRound: 2000, rounds: 15 }),
};
type Part = keyof typeof parts;

const isPart = (name: string): name is Part => Object.hasOwn(parts, name);

/** The parts `--only` names, in the order above; throws on an unknown name. */
const selected = (only: string): Part[] => {
  const names = only.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!isPart(name)) throw new Error(`--only ${name}: the parts are ${Object.keys(parts).join(', ')}`);
  }
  return (Object.keys(parts) as Part[]).filter((part) => names.includes(part));
};

/** Runs one part here and prints its report; a failure goes to stderr and the exit code. */
const runPart = async (part: Part): Promise<number> => {
  try {
    process.stdout.write(`\n  ${(await parts[part]()).join('\n')}\n`);
    return 0;
  } catch (error) {
    log(`bench ${part} failed: ${(error as Error).stack ?? String(error)}`);
    process.stdout.write(`\n  ${part}: FAILED (see stderr)\n`);
    return 1;
  }
};

/** Runs one part in a new process of this script, with the same options; answers its exit code. */
const spawnPart = (part: Part): Promise<number> => {
  const options = Object.entries(values)
    .filter(([name]) => name !== 'only' && name !== 'part')
    .flatMap(([name, value]) => [`--${name}`, String(value)]);
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--part', part, ...options],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
};

/** Every chosen part in turn, between a line on the machine before and after. */
const main = async (): Promise<number> => {
  if (values.part !== undefined) {
    if (!isPart(values.part)) throw new Error(`--part ${values.part}: no such part`);
    return runPart(values.part);
  }
  const chosen = selected(values.only);
  process.stdout.write(
    `\n  Relais bench — ${new Date().toISOString()}, Node ${process.version}, ${load()}; parts: ${chosen.join(', ')}\n`,
  );
  let failed = 0;
  for (const part of chosen) if ((await spawnPart(part)) !== 0) failed++;
  process.stdout.write(`\n  after: ${load()}\n\n`);
  return failed ? 1 : 0;
};

await main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
