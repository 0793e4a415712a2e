/**
 * The vocabulary of the privacy registry: what a context declares of the personal data it
 * holds. Each context lists, in its `privacy.ts`, its processing activities (the purposes of
 * GDPR art. 30: why, on which legal basis, about whom) and every place it keeps their data —
 * an item type of a table, a whole table, a lake table, a queue, a bucket, the bus archive, a
 * function's log group — with what is there, how long it is kept and how, and what an access
 * request and an erasure do with it. The record of processing activities (the document a DPO
 * hands over) is generated from these declarations, and a test fails when something the stack
 * declares is not registered. Pure data: no SDK.
 *
 * What the privacy officer's screen shows of a place (what it holds, why it is kept or not
 * exported, within how long it goes) is said in English and in French (`Said`); the rest — the
 * activities, the retention rules — is the record's, in English.
 */
import type { FunctionName } from '#infra/declaration/functions.ts';
import type { QueueName } from '#infra/declaration/messaging.ts';
import type { BucketName, TableName } from '#infra/declaration/storage.ts';
import type { lakeCatalog } from '#schemas/analytics/lake.ts';

/**
 * A text the privacy officer's screen shows, in both its languages. The English one is the
 * record of processing's (and the customer's export's), word for word.
 */
export type Said = { en: string; fr: string };

/** Whose data: the bank's customers, its prospects, visitors of its sites and apps, its staff. */
export type DataSubject = 'customers' | 'prospects' | 'visitors' | 'staff';

/** The categories of personal data, as the record of processing activities names them. */
export const personalDataCategories = {
  identity: 'identity (names, birth date, customer number)',
  contact: 'contact details (e-mail, phone, postal address)',
  financial: 'financial situation (products held, amounts, simulations)',
  regulatory: 'regulatory status (KYC decision and its reason)',
  consent: 'consents and their history',
  relationship: 'relationship (branch, advisor, segment, interactions)',
  behaviour: 'behaviour on the sites and apps (pages, clicks, visits)',
  device: 'device identifiers (visitor id, network part of the IP address, user agent)',
  access: 'access records (who read or changed a customer file, when, why)',
  work: 'professional details of staff (name, branch, role)',
} as const;
export type PersonalDataCategory = keyof typeof personalDataCategories;

/** The lawful bases of GDPR art. 6(1) the bank relies on. */
export const legalBases = {
  consent: 'consent (art. 6(1)(a))',
  contract: 'performance of a contract or pre-contractual steps (art. 6(1)(b))',
  legalObligation: 'legal obligation (art. 6(1)(c))',
  legitimateInterest: 'legitimate interest (art. 6(1)(f))',
} as const;
export type LegalBasis = keyof typeof legalBases;

/** A purpose of processing: one line of the record of processing activities. */
export type ProcessingActivity = {
  /** What the processing is, in a sentence a DPO can hand over. */
  purpose: string;
  legalBasis: LegalBasis;
  /** The text behind the basis when it is a legal obligation or a consent rule. */
  legalReference?: string;
  subjects: readonly DataSubject[];
  /** Who receives the data, inside and outside the bank. */
  recipients: string;
};

/** Where data is kept: the places the stack declares (`infra/declaration/`). */
export type DataLocation =
  | { kind: 'item'; table: TableName; itemType: string }
  | { kind: 'table'; table: TableName }
  | { kind: 'lakeTable'; name: (typeof lakeCatalog)['curatedTable' | 'rawTable'] }
  | { kind: 'queue'; queue: QueueName; withDlq: true }
  | { kind: 'bucket'; bucket: BucketName }
  | { kind: 'busArchive' }
  | { kind: 'logGroup'; function: FunctionName }
  /** The HTTP API's access log (one line per request: caller, IP, route, status). */
  | { kind: 'apiAccessLog' }
  /** Athena's results bucket (the stack's, not a declared bucket): what analysts' queries answered. */
  | { kind: 'queryResults' };

/**
 * How long data stays, counted from `from`, and what removes it. `enforcement` names the
 * mechanism; `pending` says it is declared but not yet enforced (the retention work of the
 * privacy issue will enforce it).
 */
export type Retention = {
  /** `P25M`, `P7D`, `P5Y`: an ISO 8601 duration. */
  keep: string;
  from: 'collection' | 'lastContact' | 'endOfRelationship' | 'lastChange';
  /** Why this long: the rule or guidance it follows. */
  rule: string;
  enforcement:
    | 'dynamodbTtl'
    | 's3Lifecycle'
    | 'objectLock'
    | 'queueRetention'
    | 'archiveRetention'
    | 'logRetention'
    | 'withItsCustomer'
    /** A scheduled job deletes what is past its retention. */
    | 'scheduledPurge'
    /** Nothing personal to remove. */
    | 'notPersonal'
    | 'pending';
};

/** What an access request (art. 15, 20) does with the data of a location. */
export type OnAccess = { export: 'included' } | { export: 'byPseudonym' } | { export: 'excluded'; why: Said };

/** What an erasure (art. 17) does with the data of a location. */
export type OnErasure =
  | { erase: 'always' }
  /** Kept while a legal hold applies to the customer (AML retention), erased otherwise. */
  | { erase: 'unlessHeld'; hold: Said }
  | { erase: 'never'; why: Said }
  /** Goes by itself within its retention; an erasure need not touch it: `{ en: '30 days', fr: 'dans les 30 jours' }`. */
  | { erase: 'expires'; within: Said };

/** One place personal data is kept. */
export type DataHolding = {
  where: DataLocation;
  /** What is there, in words. */
  holds: Said;
  /** The activities (of this context or another) the data serves. */
  activities: readonly string[];
  categories: readonly PersonalDataCategory[];
  subjects: readonly DataSubject[];
  retention: Retention;
  access: OnAccess;
  erasure: OnErasure;
};

/** A context's declaration: its activities, by name, and every place it keeps their data. */
export type ContextPrivacy = {
  context: string;
  activities: Record<string, ProcessingActivity>;
  holdings: readonly DataHolding[];
};

/**
 * A queue's retention: SQS keeps a message 4 days, its DLQ 14 (`infra/stacks/events.ts`).
 * @param what what the DLQ keeps (`a failed event`)
 */
export const queueRetention = (what: string): Retention => ({
  keep: 'P4D',
  from: 'collection',
  rule: `in flight; its DLQ keeps ${what} 14 days for a redrive`,
  enforcement: 'queueRetention',
});

/**
 * A queue that carries personal data on its way somewhere: kept by SQS's retention (its DLQ 14
 * days), not exported (what it feeds is), gone with its DLQ unless `erasure` says otherwise.
 */
export const queueInFlight = (queue: {
  queue: QueueName;
  holds: Said;
  activities: readonly string[];
  categories: readonly PersonalDataCategory[];
  subjects: readonly DataSubject[];
  /** What the DLQ keeps, in words: `a failed event`. */
  dlqKeeps: string;
  /** Why it is not exported: what the export holds instead, `the timeline it feeds is exported`. */
  exportedInstead: Said;
  /** @default expires with the DLQ, within 14 days */
  erasure?: OnErasure;
}): DataHolding => ({
  where: { kind: 'queue', queue: queue.queue, withDlq: true },
  holds: queue.holds,
  activities: queue.activities,
  categories: queue.categories,
  subjects: queue.subjects,
  retention: queueRetention(queue.dlqKeeps),
  access: {
    export: 'excluded',
    why: { en: `in flight: ${queue.exportedInstead.en}`, fr: `en transit : ${queue.exportedInstead.fr}` },
  },
  erasure: queue.erasure ?? {
    erase: 'expires',
    within: { en: '14 days (DLQ)', fr: 'dans les 14 jours (file d’erreurs)' },
  },
});

/** Why a place that holds nothing personal is neither exported nor erased. */
export const noPersonalData: Said = { en: 'no personal data', fr: 'aucune donnée personnelle' };

/** A place that holds no personal data (configuration, counters), registered so that nothing is missed. */
export const withoutPersonalData = (
  where: DataLocation,
  holds: Said,
  activity: string,
  keep: string,
): DataHolding => ({
  where,
  holds,
  activities: [activity],
  categories: [],
  subjects: [],
  retention: { keep, from: 'lastChange', rule: 'no personal data', enforcement: 'notPersonal' },
  access: { export: 'excluded', why: noPersonalData },
  erasure: { erase: 'never', why: noPersonalData },
});

/** The key that names a location once across the registry (`item main/customer`, `queue lakeIntake`). */
export const locationKey = (where: DataLocation): string => {
  switch (where.kind) {
    case 'item':
      return `item ${where.table}/${where.itemType}`;
    case 'table':
      return `table ${where.table}`;
    case 'lakeTable':
      return `lakeTable ${where.name}`;
    case 'queue':
      return `queue ${where.queue}`;
    case 'bucket':
      return `bucket ${where.bucket}`;
    case 'busArchive':
      return 'busArchive';
    case 'logGroup':
      return `logGroup ${where.function}`;
    case 'apiAccessLog':
      return 'apiAccessLog';
    case 'queryResults':
      return 'queryResults';
  }
};
