/**
 * The privacy registry is whole: everything the stack declares that can hold data — each item
 * type written in the main table, each table, lake table, queue, bucket, log group, the bus
 * archive and the API's access log — is registered once, and the record of processing
 * activities in `docs/privacy/` is the one the registry generates.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { controllerToFillIn, recordOfProcessing } from '#functions/platform/gdpr/record-of-processing.ts';
import { holdingsOf, privacyRegistry, registryProblems } from '#functions/platform/gdpr/registry.ts';
import { functions } from '#infra/declaration/functions.ts';
import { queues } from '#infra/declaration/messaging.ts';
import { buckets, tables } from '#infra/declaration/storage.ts';
import { lakeCatalog } from '#schemas/analytics/lake.ts';
import { type ContextPrivacy, type DataHolding, locationKey } from '#shared/privacy/registry.ts';

const root = join(import.meta.dirname, '../../..');
const registered = new Set(holdingsOf(privacyRegistry).map((holding) => locationKey(holding.where)));

/** Every TypeScript file under `dir`. */
const sources = async (dir: string): Promise<string[]> =>
  (await readdir(join(root, dir), { recursive: true }))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(root, dir, file));

describe('the privacy registry', () => {
  it('has no location declared twice, no unknown activity, no data about nobody', () => {
    expect(registryProblems(privacyRegistry)).toEqual([]);
  });

  it('registers every item type written in the main table', async () => {
    // Every item carries an `entity` attribute naming its type; the stores write it as a literal.
    const written = new Set<string>();
    for (const file of [...(await sources('functions')), ...(await sources('local'))]) {
      const text = await readFile(file, 'utf8');
      for (const [, type] of text.matchAll(/\bentity: '(\w+)'/g)) written.add(type ?? '');
      for (const [, type] of text.matchAll(/':entity': '(\w+)'/g)) written.add(type ?? '');
    }
    // Written by hand, so that a store losing its literal shows here too.
    expect([...written].sort()).toEqual([
      'activity',
      'branch',
      'consents',
      'customer',
      'customerNumberCounter',
      'deviceEvent',
      'event',
      'eventSchema',
      'holding',
      'identity',
      'identityLink',
      'lookup',
      'meetingReport',
      'meetingReportVersion',
      'opportunity',
      'privacyEvent',
      'privacyRequest',
      'quote',
      'searchTerm',
      'seedMarker',
      'staff',
      'task',
      'tombstone',
      'visitPointer',
      'writeKey',
      'writeKeyHash',
    ]);
    const missing = [...written].filter((type) => !registered.has(`item main/${type}`));
    expect(missing).toEqual([]);
  });

  it('registers every table, lake table, queue, bucket and log group, the bus archive and the access log', () => {
    const itemTables = new Set(
      holdingsOf(privacyRegistry).flatMap(({ where }) => (where.kind === 'item' ? [where.table] : [])),
    );
    const declared = [
      ...Object.keys(tables).map((table) => (itemTables.has(table as never) ? null : `table ${table}`)),
      `lakeTable ${lakeCatalog.curatedTable}`,
      `lakeTable ${lakeCatalog.rawTable}`,
      ...Object.keys(queues).map((queue) => `queue ${queue}`),
      ...Object.keys(buckets).map((bucket) => `bucket ${bucket}`),
      ...Object.keys(functions).map((name) => `logGroup ${name}`),
      'busArchive',
      'apiAccessLog',
      'queryResults',
    ].filter((key): key is string => key !== null);
    expect(declared.filter((key) => !registered.has(key))).toEqual([]);
    expect(itemTables).toEqual(new Set(['main']));
  });

  it('says in French too what the privacy officer’s screen shows of each place', () => {
    const untranslated = holdingsOf(privacyRegistry).flatMap((holding) => {
      const { access, erasure } = holding;
      const texts = [
        holding.holds,
        ...(access.export === 'excluded' ? [access.why] : []),
        ...(erasure.erase === 'unlessHeld' ? [erasure.hold] : []),
        ...(erasure.erase === 'never' ? [erasure.why] : []),
        ...(erasure.erase === 'expires' ? [erasure.within] : []),
      ];
      return texts
        .filter((said) => said.fr.trim() === '' || said.fr === said.en)
        .map((said) => `${locationKey(holding.where)}: ${said.en}`);
    });
    expect(untranslated).toEqual([]);
  });

  it('is what docs/privacy/record-of-processing.md says (npm run privacy:record writes it)', async () => {
    const onDisk = await readFile(join(root, 'docs/privacy/record-of-processing.md'), 'utf8');
    expect(onDisk).toBe(recordOfProcessing(privacyRegistry, controllerToFillIn));
  });
});

describe('the registry checks', () => {
  const holding: DataHolding = {
    where: { kind: 'table', table: 'audit' },
    holds: { en: 'reads', fr: 'des consultations' },
    activities: ['audit'],
    categories: ['access'],
    subjects: ['customers'],
    retention: { keep: 'P5Y', from: 'collection', rule: 'law', enforcement: 'pending' },
    access: { export: 'included' },
    erasure: { erase: 'never', why: { en: 'law', fr: 'la loi' } },
  };
  const context = (holdings: DataHolding[]): ContextPrivacy => ({
    context: 'test',
    activities: {
      audit: {
        purpose: 'audit',
        legalBasis: 'legalObligation',
        subjects: ['customers'],
        recipients: 'admins',
      },
    },
    holdings,
  });

  it('finds a location declared twice', () => {
    expect(registryProblems([context([holding, holding])])).toEqual(['table audit declared twice']);
  });

  it('finds an activity that no context declares', () => {
    expect(registryProblems([context([{ ...holding, activities: ['marketing'] }])])).toEqual([
      'table audit serves marketing, which no context declares',
      'table audit holds data about customers, whom none of its activities concerns',
    ]);
  });

  it('finds personal data about nobody, and about someone its activities do not concern', () => {
    expect(registryProblems([context([{ ...holding, subjects: [] }])])).toEqual([
      'table audit holds personal data about nobody',
    ]);
    expect(registryProblems([context([{ ...holding, subjects: ['staff'] }])])).toEqual([
      'table audit holds data about staff, whom none of its activities concerns',
    ]);
  });
});

describe('the record of processing activities', () => {
  const record = recordOfProcessing(privacyRegistry, {
    name: 'Banque Exemple, 1 rue de la Paix, Paris',
    contact: 'protection.donnees@banque-exemple.fr',
    dpo: 'Jeanne Martin, dpo@banque-exemple.fr',
    region: 'eu-west-3 (Paris)',
  });

  it('names the controller, the DPO and the region', () => {
    expect(record).toContain(
      '- **Controller**: Banque Exemple, 1 rue de la Paix, Paris; protection.donnees@banque-exemple.fr',
    );
    expect(record).toContain('- **Data protection officer**: Jeanne Martin, dpo@banque-exemple.fr');
    expect(record).toContain('in eu-west-3 (Paris); no other processor.');
  });

  it('gives each activity its legal basis and the retention of each place its data is kept', () => {
    expect(record).toContain(
      '## Know-your-customer duty: identity checks and KYC decisions with their reasons',
    );
    expect(record).toContain(
      '- **Legal basis**: legal obligation (art. 6(1)(c)); Code monétaire et financier L561-5 to L561-12',
    );
    expect(record).toMatch(
      /\| `item main\/visitPointer` \| [^|]+ \| 2 days after collection \(only while a visit may go on\) \| DynamoDB time to live \|/,
    );
    expect(record).toMatch(/\| `bucket auditArchive` \| [^|]+ \| 5 years 3 days after collection /);
  });

  it('says what an erasure keeps and why, and leaves out places without personal data', () => {
    expect(record).toMatch(
      /\| `item main\/customer` \| [^|]+ \| in the export \| erased, unless held: identity, products held and KYC of a customer/,
    );
    const requests = record.slice(record.indexOf('## What access and erasure requests do'));
    expect(requests).not.toContain('`item main/writeKey`');
    expect(requests).toContain('`lakeTable events` | one row per event');
  });
});
