/**
 * `npm run retention`: what retention removes now in the running sandbox, place by place of the
 * privacy registry — a dry run of the two scheduled jobs (the lake's expired days, the customer
 * files past their retention) and, for every other place, what removes its data and when.
 *
 *   npm run retention                       # dry run, as of today
 *   npm run retention -- --as-of 2029-03-02 # dry run, as of another day
 *   npm run retention -- --apply            # run both jobs now (the schedules run them daily)
 */
import './node-version.ts';
import { parseArgs } from 'node:util';
import { type FunctionName, functions } from '#infra/declaration/functions.ts';
import { emulatorEnvironment } from '../emulator.ts';
import { lambdaContext } from '../lambda/lambda-context.ts';
import { functionEnvironment, provisionSandbox } from '../resources/provision.ts';
import { runningSandbox } from './running-sandbox.ts';

const { values } = parseArgs({
  options: {
    apply: { type: 'boolean', default: false },
    'as-of': { type: 'string' },
    sandbox: { type: 'string', default: 'relais' },
  },
});
const asOf = values['as-of'];
if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
  process.stderr.write('--as-of takes a day, YYYY-MM-DD.\n');
  process.exit(2);
}
const state = await runningSandbox(values.sandbox);
Object.assign(process.env, emulatorEnvironment(state.awsEndpoint), {
  // The jobs' own logs and metrics stay out of the listing, as in the sandbox.
  POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  POWERTOOLS_METRICS_DISABLED: 'true',
});
const provisioned = await provisionSandbox(state.prefix);
for (const name of Object.keys(functions) as FunctionName[]) {
  Object.assign(process.env, functionEnvironment(name, provisioned));
}

// Imported once the environment names the sandbox's resources.
const { handler: purgeLake } = await import('#functions/analytics/lake-purger.ts');
const { handler: sweepFiles } = await import('#functions/platform/gdpr/retention-sweeper.ts');
const { holdingsOf, privacyRegistry } = await import('#functions/platform/gdpr/registry.ts');
const { enforcementNames, retentionText } = await import('#functions/platform/gdpr/record-of-processing.ts');
const { locationKey } = await import('#shared/privacy/registry.ts');

const request = { dryRun: !values.apply, ...(asOf ? { asOf } : {}) };
const out = (line = '') => process.stdout.write(`${line}\n`);
const verb = values.apply ? 'removed' : 'would go';

const lake = await purgeLake(request, lambdaContext('lakePurger', functions.lakePurger.timeoutSeconds));
out(`Lake (lakePurger): days before ${lake.cutoff} ${verb} — ${lake.days.length} day(s)`);
/** The first `shown` lines, and how many more there are. */
const firstOf = (lines: string[], shown = 10) => [
  ...lines.slice(0, shown),
  ...(lines.length > shown ? [`… and ${lines.length - shown} more`] : []),
];
for (const line of firstOf(lake.days.map((day) => `${day.dt}  ${day.files} file(s), ${day.bytes} bytes`))) {
  out(`  ${line}`);
}

const files = await sweepFiles(
  request,
  lambdaContext('retentionSweeper', functions.retentionSweeper.timeoutSeconds),
);
out();
out(
  `Customer files (retentionSweeper), as of ${files.day}: ${files.due.length} ${verb === 'removed' ? 'sent to erasure' : 'would be erased'}`,
);
const fileLines = files.due.map((file) => {
  const why = file.relationshipEndedOn
    ? `relationship ended ${file.relationshipEndedOn}`
    : file.lastContactAt
      ? `last own contact ${file.lastContactAt.slice(0, 10)}`
      : 'no own contact since the file was opened';
  return `${file.customerId}  ${file.kind}, due ${file.dueOn} (${why})`;
});
for (const line of firstOf(fileLines)) out(`  ${line}`);
if (files.alreadyUnderWay > 0) out(`  of which ${files.alreadyUnderWay} with an erasure already under way`);
out(`  ${files.lookedAgainLater} prospect(s) who came back: looked at again later`);

out();
out('Every other place, by what removes its data:');
const byEnforcement = new Map<string, string[]>();
for (const holding of holdingsOf(privacyRegistry)) {
  const { enforcement } = holding.retention;
  if (enforcement === 'scheduledPurge' || enforcement === 'notPersonal') continue;
  const line = `${locationKey(holding.where)}: ${retentionText(holding.retention)}`;
  byEnforcement.set(enforcement, [...(byEnforcement.get(enforcement) ?? []), line]);
}
for (const [enforcement, lines] of byEnforcement) {
  out(`  ${enforcementNames[enforcement as keyof typeof enforcementNames]}`);
  for (const line of lines) out(`    ${line}`);
}
