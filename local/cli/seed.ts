/**
 * `npm run seed`: writes the demo bank and its sales pipeline again into the running sandbox
 * (its records back to their demo values; customers and deals created since are kept). `npm start` seeds an empty sandbox by
 * itself; this is for putting the demo data back after trying things.
 */
import './node-version.ts';
import { type FunctionName, functions } from '#infra/declaration/functions.ts';
import { emulatorEnvironment } from '../emulator.ts';
import { progressBar } from '../progress.ts';
import { functionEnvironment, provisionSandbox } from '../resources/provision.ts';
import { generateDemoBank } from '../seed/demo-bank.ts';
import { runningSandbox } from './running-sandbox.ts';

const state = await runningSandbox(
  'relais',
  'No running sandbox was found: start it with `npm start` (it seeds an empty sandbox by itself).',
);

Object.assign(process.env, emulatorEnvironment(state.awsEndpoint));
const provisioned = await provisionSandbox(state.prefix);
for (const name of Object.keys(functions) as FunctionName[]) {
  Object.assign(process.env, functionEnvironment(name, provisioned));
}
const { writeDemoBank } = await import('../seed/write-demo-bank.ts');
const bank = generateDemoBank();
const bar = progressBar({ label: 'Demo bank', total: bank.customers.length });
let shown = 0;
await writeDemoBank(bank, (written) => {
  bar.tick(written - shown);
  shown = written;
});
bar.done();
const { writeDemoPipeline } = await import('../seed/demo-pipeline.ts');
const deals = await writeDemoPipeline(bank, new Date());
process.stdout.write(
  `Demo bank written: ${bank.branches.length} branches, ${bank.staff.length} staff, ${bank.customers.length} customers, ${deals} deals.\n`,
);
