/**
 * CDK app entry (`cdk.json` runs it): the `Relais` stack in the account and region of the CLI
 * profile, checked by cdk-nag's AWS Solutions rules.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { defaultWebDist, RelaisStack } from './stacks/relais-stack.ts';

if (!existsSync(join(defaultWebDist, 'index.html'))) {
  // The usual first-run mistake: said plainly rather than as a stack trace.
  console.error(
    `Relais: the web front end is not built (${defaultWebDist} has no index.html): run npm run build:web`,
  );
  process.exit(1);
}

const app = new App();
// cdk-nag v3 is a CDK validation plugin: any unacknowledged finding stops the synthesis.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
new RelaisStack(app, 'Relais', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: 'Relais: serverless CRM for banks',
  trackerOrigins: String(app.node.tryGetContext('trackerOrigins') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean),
});
app.synth();
