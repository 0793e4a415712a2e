/**
 * The record of processing activities (GDPR art. 30(1)) as a Markdown document a DPO can hand
 * over, generated from the privacy registry: one section per activity (purpose, legal basis,
 * data subjects, categories of data, recipients, transfers, retention, where the data is kept),
 * then every place personal data is kept with its retention and what access and erasure
 * requests do with it, then the security measures. `npm run privacy:record` writes it to
 * `docs/privacy/record-of-processing.md`; a test fails when that file is not up to date. The
 * record is in English: of the registry's texts said in both languages, it takes the English.
 */
import {
  type ContextPrivacy,
  type DataHolding,
  type DataSubject,
  legalBases,
  locationKey,
  type OnAccess,
  type OnErasure,
  personalDataCategories,
  type Retention,
} from '#shared/privacy/registry.ts';
import { activitiesOf, holdingsOf } from './registry.ts';

/** Who the controller is: the bank that runs Relais fills these in. */
export type Controller = { name: string; contact: string; dpo: string; region: string };

export const controllerToFillIn: Controller = {
  name: '[the bank: name and address]',
  contact: '[the bank: postal address and e-mail for data protection]',
  dpo: '[the data protection officer: name and e-mail]',
  region: '[the AWS region the bank deploys to, in the European Union]',
};

const subjectNames: Record<DataSubject, string> = {
  customers: 'customers',
  prospects: 'prospects',
  visitors: 'visitors of the sites and apps',
  staff: 'staff',
};

/** What enforces a retention, in words (also the retention command's). */
export const enforcementNames: Record<Retention['enforcement'], string> = {
  dynamodbTtl: 'DynamoDB time to live',
  s3Lifecycle: 'S3 lifecycle rule',
  objectLock: 'S3 Object Lock, then lifecycle',
  queueRetention: 'SQS message retention',
  archiveRetention: 'EventBridge archive retention',
  logRetention: 'CloudWatch Logs retention',
  withItsCustomer: 'removed with the customer file',
  scheduledPurge: 'a daily purge job',
  notPersonal: 'not personal data',
  pending: 'declared, not yet enforced',
};

const accessText = (access: OnAccess): string =>
  access.export === 'included'
    ? 'in the export'
    : access.export === 'byPseudonym'
      ? 'in the export, found by pseudonym and linked visitor ids'
      : `not exported: ${access.why.en}`;

const erasureText = (erasure: OnErasure): string => {
  switch (erasure.erase) {
    case 'always':
      return 'erased';
    case 'unlessHeld':
      return `erased, unless held: ${erasure.hold.en}`;
    case 'never':
      return `kept: ${erasure.why.en}`;
    case 'expires':
      return `goes by itself within ${erasure.within.en}`;
  }
};

const units: Record<string, string> = { Y: 'year', M: 'month', D: 'day' };

/** `P5Y1D` → `5 years 1 day`; a retention in words (`while employed`) is kept as it is. */
const duration = (keep: string): string | undefined => {
  const parts = /^P(?:\d+[YMD])+$/.test(keep) ? [...keep.matchAll(/(\d+)([YMD])/g)] : [];
  return parts.length > 0
    ? parts.map(([, n, unit]) => `${n} ${units[unit ?? '']}${n === '1' ? '' : 's'}`).join(' ')
    : undefined;
};

const startNames: Record<Retention['from'], string> = {
  collection: 'after collection',
  lastContact: 'after the last contact',
  endOfRelationship: 'after the relationship ends',
  lastChange: 'after the last change',
};

/** A retention in words: `25 months after collection (CNIL, …)`. */
export const retentionText = (retention: Retention): string => {
  const span = duration(retention.keep);
  return `${span ? `${span} ${startNames[retention.from]}` : retention.keep} (${retention.rule})`;
};

/** A Markdown table cell: no pipe or line break may break the row. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : 'none');

const holdingsTable = (holdings: readonly DataHolding[], columns: 'retention' | 'requests'): string[] => [
  columns === 'retention'
    ? '| where | what | retention | enforced by |'
    : '| where | what | access request | erasure |',
  '| --- | --- | --- | --- |',
  ...holdings.map((holding) =>
    columns === 'retention'
      ? `| \`${locationKey(holding.where)}\` | ${cell(holding.holds.en)} | ${cell(retentionText(holding.retention))} | ${enforcementNames[holding.retention.enforcement]} |`
      : `| \`${locationKey(holding.where)}\` | ${cell(holding.holds.en)} | ${cell(accessText(holding.access))} | ${cell(erasureText(holding.erasure))} |`,
  ),
];

/** The record, as Markdown, from the registry and the controller's details. */
export const recordOfProcessing = (registry: readonly ContextPrivacy[], controller: Controller): string => {
  const holdings = holdingsOf(registry);
  const personal = holdings.filter((holding) => holding.categories.length > 0);
  const lines = [
    '# Record of processing activities (GDPR art. 30)',
    '',
    'Generated from the privacy registry (`functions/<context>/privacy.ts`) by `npm run privacy:record`: do not edit by hand.',
    '',
    `- **Controller**: ${controller.name}; ${controller.contact}`,
    `- **Data protection officer**: ${controller.dpo}`,
    `- **Processor**: Amazon Web Services EMEA SARL (hosting), in ${controller.region}; no other processor.`,
    '- **Transfers outside the European Union**: none; every store named below is in that region.',
    '',
  ];
  for (const [name, activity] of activitiesOf(registry)) {
    const serving = holdings.filter((holding) => holding.activities.includes(name));
    const categories = [...new Set(serving.flatMap((holding) => holding.categories))];
    lines.push(
      `## ${activity.purpose}`,
      '',
      `- **Activity**: \`${name}\` (context ${activity.context})`,
      `- **Legal basis**: ${legalBases[activity.legalBasis]}${activity.legalReference ? `; ${activity.legalReference}` : ''}`,
      `- **Data subjects**: ${list(activity.subjects.map((subject) => subjectNames[subject]))}`,
      `- **Categories of personal data**: ${list(categories.map((category) => personalDataCategories[category]))}`,
      `- **Recipients**: ${activity.recipients}`,
      '',
      ...holdingsTable(serving, 'retention'),
      '',
    );
  }
  lines.push(
    '## What access and erasure requests do, place by place',
    '',
    'Places that hold no personal data are left out.',
    '',
    ...holdingsTable(personal, 'requests'),
    '',
    '## Security measures (art. 30(1)(g), art. 32)',
    '',
    '- Every user signs in (Amazon Cognito); each route admits named roles only, and advisors and branch managers see the customers of their own branch.',
    '- Every read, change and refused attempt on a customer file is recorded; only the audit writer may add to the audit trail, and its archive is locked against deletion (S3 Object Lock).',
    '- The lake holds no customer id: customer ids become keyed hashes (HMAC-SHA256, key in AWS Secrets Manager); it copies only the fields its allow-list names for each event type, blanks e-mail addresses, phone numbers, IBANs, card numbers and customer ids out of free text, and keeps the network part of IP addresses only.',
    '- Tables, queues and buckets are encrypted at rest by AWS; every connection uses TLS.',
    '',
  );
  return lines.join('\n');
};
