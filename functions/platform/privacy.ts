/**
 * The platform context in the privacy registry (`#shared/privacy/registry.ts`): the audit of
 * who reads and changes customer files, and what runs every context — idempotency records, the
 * pipes events travel through, the bus archive, the logs.
 */
import { type FunctionName, functions } from '#infra/declaration/functions.ts';
import { auditRetention } from '#shared/audit.ts';
import {
  type ContextPrivacy,
  type DataHolding,
  queueInFlight,
  queueRetention,
  withoutPersonalData,
} from '#shared/privacy/registry.ts';
import { privacyRequestRetention } from './gdpr/store/privacy-requests-store.ts';

/** Every function's log group: what it logs about its invocations, for 3 months. */
const logGroup = (name: FunctionName): DataHolding => ({
  where: { kind: 'logGroup', function: name },
  holds: `the logs of ${name}: request and caller ids, customer ids of failures, no request bodies`,
  activities: ['operations'],
  categories: ['access'],
  subjects: ['customers', 'staff'],
  retention: {
    keep: 'P3M',
    from: 'collection',
    rule: 'operations and security: 3 months',
    enforcement: 'logRetention',
  },
  access: { export: 'excluded', why: 'technical logs; the audit trail says who read the file' },
  erasure: { erase: 'expires', within: '3 months' },
});

export const platformPrivacy = {
  context: 'platform',
  activities: {
    accessAudit: {
      purpose:
        'Recording who read or changed a customer file, when and why, and who was refused: banking secrecy and internal control',
      legalBasis: 'legalObligation',
      legalReference:
        'Code monétaire et financier L511-33 (banking secrecy); arrêté du 3 novembre 2014 (internal control)',
      subjects: ['customers', 'prospects', 'staff'],
      recipients: 'administrators, compliance and privacy officers; the supervisory authorities on request',
    },
    operations: {
      purpose:
        'Running the service safely: logs, retries of failed deliveries, replay of events after an incident',
      legalBasis: 'legitimateInterest',
      legalReference: 'security of processing (GDPR art. 32)',
      subjects: ['customers', 'prospects', 'visitors', 'staff'],
      recipients: 'the bank’s operations team',
    },
    dataProtectionRequests: {
      purpose:
        'Answering the data protection requests of customers and prospects (access, portability, erasure) within the legal month, and keeping the proof of it',
      legalBasis: 'legalObligation',
      legalReference: 'GDPR art. 12 to 22',
      subjects: ['customers', 'prospects', 'visitors', 'staff'],
      recipients: 'the privacy officer (DPO) and their team; the customer, who receives the export',
    },
    staffDirectory: {
      purpose: 'The bank’s directory: branches, and the staff who serve customers',
      legalBasis: 'legitimateInterest',
      subjects: ['staff'],
      recipients: 'every user of the CRM (names of advisors and branches)',
    },
  },
  holdings: [
    {
      where: { kind: 'table', table: 'audit' },
      holds: 'one record per read, change or refused attempt on a customer file: who, when, what, why',
      activities: ['accessAudit'],
      categories: ['access'],
      subjects: ['customers', 'prospects', 'staff'],
      retention: auditRetention,
      access: { export: 'included' },
      erasure: { erase: 'never', why: 'proof of who accessed the file, kept under a legal obligation' },
    },
    {
      where: { kind: 'bucket', bucket: 'auditArchive' },
      holds: 'the audit trail for the long term, locked against deletion',
      activities: ['accessAudit'],
      categories: ['access'],
      subjects: ['customers', 'prospects', 'staff'],
      retention: {
        ...auditRetention,
        keep: 'P5Y3D',
        rule: `${auditRetention.rule}; locked 5 years and 2 days, then removed by the bucket's lifecycle`,
        enforcement: 'objectLock',
      },
      access: { export: 'excluded', why: 'the same records as the audit table, which the export holds' },
      erasure: { erase: 'never', why: 'proof of who accessed the file, kept under a legal obligation' },
    },
    queueInFlight({
      queue: 'auditIntake',
      holds: 'audit records on their way to the audit writer',
      activities: ['accessAudit'],
      categories: ['access'],
      subjects: ['customers', 'prospects', 'staff'],
      dlqKeeps: 'a failed record',
      exportedInstead: 'the audit table it feeds is exported',
      erasure: { erase: 'never', why: 'audit records, kept under a legal obligation' },
    }),
    {
      where: { kind: 'table', table: 'idempotency' },
      holds:
        'the answer to each creating request sent with an Idempotency-Key (a created customer, say), to give it again on a retry',
      activities: ['operations'],
      categories: ['identity', 'contact', 'relationship'],
      subjects: ['customers', 'prospects'],
      retention: {
        keep: 'P1D',
        from: 'collection',
        rule: 'a retry comes within a day',
        enforcement: 'dynamodbTtl',
      },
      access: { export: 'excluded', why: 'a copy of an answer, gone within a day' },
      erasure: { erase: 'always' },
    },
    queueInFlight({
      queue: 'publisherFailures',
      holds: 'domain events the stream publisher could not put on the bus, with the item they came from',
      activities: ['operations'],
      categories: ['identity', 'contact', 'relationship', 'consent', 'regulatory'],
      subjects: ['customers', 'prospects'],
      dlqKeeps: 'an event that failed for 15 minutes',
      exportedInstead: 'the timeline they belong to is exported',
    }),
    {
      where: { kind: 'queue', queue: 'streamFailures', withDlq: true },
      holds: 'where in the table’s stream a batch failed: positions, no data',
      activities: ['operations'],
      categories: [],
      subjects: [],
      retention: queueRetention('a failed position'),
      access: { export: 'excluded', why: 'no personal data' },
      erasure: { erase: 'never', why: 'no personal data' },
    },
    {
      where: { kind: 'busArchive' },
      holds:
        'every event put on the bus, for replay after an incident: customer ids in clear, channel events as sent',
      activities: ['operations'],
      categories: ['relationship', 'behaviour', 'device'],
      subjects: ['customers', 'prospects', 'visitors'],
      retention: {
        keep: 'P30D',
        from: 'collection',
        rule: 'replay after an incident, found within days; kept short so as not to be a second store',
        enforcement: 'archiveRetention',
      },
      access: { export: 'excluded', why: 'a copy of the events the timeline and the lake hold' },
      erasure: { erase: 'expires', within: '30 days' },
    },
    {
      where: { kind: 'apiAccessLog' },
      holds: 'one line per API request: caller id, IP address, user agent, route, status',
      activities: ['operations', 'accessAudit'],
      categories: ['access', 'device'],
      subjects: ['staff', 'visitors'],
      retention: { keep: 'P1Y', from: 'collection', rule: 'security: a year', enforcement: 'logRetention' },
      access: { export: 'excluded', why: 'requests of staff and channels, not a customer’s data' },
      erasure: { erase: 'expires', within: '1 year' },
    },
    withoutPersonalData(
      { kind: 'item', table: 'main', itemType: 'branch' },
      'a branch: name, address',
      'staffDirectory',
      'while the branch exists',
    ),
    {
      where: { kind: 'item', table: 'main', itemType: 'staff' },
      holds: 'a member of staff: name, role, branch',
      activities: ['staffDirectory'],
      categories: ['work'],
      subjects: ['staff'],
      retention: {
        keep: 'while employed',
        from: 'endOfRelationship',
        rule: 'removed by the HR import when they leave',
        enforcement: 'pending',
      },
      access: { export: 'excluded', why: 'staff data: their own requests go to HR' },
      erasure: { erase: 'never', why: 'a customer’s erasure does not touch staff' },
    },
    withoutPersonalData(
      { kind: 'item', table: 'main', itemType: 'seedMarker' },
      'the mark the sandbox’s demo seed leaves when the demo bank is complete',
      'staffDirectory',
      'while the directory exists',
    ),
    {
      where: { kind: 'bucket', bucket: 'privacyExports' },
      holds: 'the archive of a customer’s data made for an access request, until the officer hands it over',
      activities: ['dataProtectionRequests'],
      categories: [
        'identity',
        'contact',
        'financial',
        'regulatory',
        'consent',
        'relationship',
        'behaviour',
        'device',
        'access',
      ],
      subjects: ['customers', 'prospects', 'staff'],
      retention: {
        keep: 'P30D',
        from: 'collection',
        rule: 'long enough to hand the archive over',
        enforcement: 's3Lifecycle',
      },
      access: { export: 'excluded', why: 'the export itself' },
      erasure: { erase: 'always' },
    },
    queueInFlight({
      queue: 'privacyJobs',
      holds: 'the access and erasure requests on their way to their job: request and customer ids',
      activities: ['dataProtectionRequests'],
      categories: ['access'],
      subjects: ['customers', 'prospects'],
      dlqKeeps: 'a failed request',
      exportedInstead: 'the request it carries is exported',
    }),
    {
      where: { kind: 'item', table: 'main', itemType: 'privacyRequest' },
      holds:
        'a data protection request: its kind, the customer’s id and name, when it came, its due date, state, and who handled it',
      activities: ['dataProtectionRequests'],
      categories: ['identity', 'access'],
      subjects: ['customers', 'prospects', 'staff'],
      retention: privacyRequestRetention,
      access: { export: 'included' },
      erasure: { erase: 'never', why: 'the proof that the erasure was made, kept under a legal obligation' },
    },
    {
      where: { kind: 'item', table: 'main', itemType: 'tombstone' },
      holds:
        'the ids of erased customers and of the visitor ids that were linked to them, with when and by which request',
      activities: ['dataProtectionRequests'],
      categories: ['identity', 'device'],
      subjects: ['customers', 'prospects', 'visitors'],
      retention: {
        keep: 'P5Y',
        from: 'collection',
        rule: 'as long as the proof of the erasure: a late event, a redrive or a replay must not bring the person back',
        enforcement: 'dynamodbTtl',
      },
      access: { export: 'excluded', why: 'ids only, of a person already erased' },
      erasure: { erase: 'never', why: 'what keeps the erasure from being undone (GDPR art. 17, 19)' },
    },
    {
      where: { kind: 'item', table: 'main', itemType: 'privacyEvent' },
      holds:
        'the CustomerErased event of a completed erasure, on its way to the bus: request and customer ids',
      activities: ['dataProtectionRequests'],
      categories: ['identity'],
      subjects: ['customers', 'prospects'],
      retention: {
        keep: 'P1D',
        from: 'collection',
        rule: 'published within seconds; the request keeps the proof',
        enforcement: 'dynamodbTtl',
      },
      access: { export: 'excluded', why: 'the request it announces is exported' },
      erasure: { erase: 'never', why: 'announces the erasure; the customer id only' },
    },
    ...(Object.keys(functions) as FunctionName[]).map(logGroup),
  ],
} as const satisfies ContextPrivacy;
