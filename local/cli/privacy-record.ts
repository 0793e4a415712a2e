/**
 * `npm run privacy:record`: writes the record of processing activities (GDPR art. 30) from the
 * privacy registry to `docs/privacy/record-of-processing.md`, with placeholders for the bank's
 * own details; a bank fills them in with the options and hands the result over.
 *
 *   npm run privacy:record
 *   npm run privacy:record -- --controller "Banque X, 1 rue…" --contact "dpo@banque-x.fr" \
 *     --dpo "Jeanne Martin, dpo@banque-x.fr" --region "eu-west-3 (Paris)" --out record.md
 */
import './node-version.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { controllerToFillIn, recordOfProcessing } from '#functions/platform/gdpr/record-of-processing.ts';
import { privacyRegistry } from '#functions/platform/gdpr/registry.ts';

/** Where the repository keeps the record, with the placeholders. */
const recordPath = fileURLToPath(new URL('../../docs/privacy/record-of-processing.md', import.meta.url));

const { values } = parseArgs({
  options: {
    controller: { type: 'string', default: controllerToFillIn.name },
    contact: { type: 'string', default: controllerToFillIn.contact },
    dpo: { type: 'string', default: controllerToFillIn.dpo },
    region: { type: 'string', default: controllerToFillIn.region },
    out: { type: 'string', default: recordPath },
  },
});

const out = resolve(values.out);
await mkdir(dirname(out), { recursive: true });
await writeFile(
  out,
  recordOfProcessing(privacyRegistry, {
    name: values.controller,
    contact: values.contact,
    dpo: values.dpo,
    region: values.region,
  }),
);
process.stdout.write(`Record of processing activities written to ${out}\n`);
