/**
 * The platform context in the privacy registry (`#shared/privacy/registry.ts`): the audit of
 * who reads and changes customer files, and what runs every context — idempotency records, the
 * pipes events travel through, the bus archive, the logs; with the directory's holdings
 * (`directory/privacy.ts`) and the data protection requests' (`gdpr/privacy.ts`).
 */
import { type FunctionName, functions } from '#infra/declaration/functions.ts';
import { auditRetention } from '#shared/audit.ts';
import {
  type ContextPrivacy,
  type DataHolding,
  noPersonalData,
  queueInFlight,
  queueRetention,
  type Said,
} from '#shared/privacy/registry.ts';
import { directoryHoldings } from './directory/privacy.ts';
import { privacyRequestHoldings } from './gdpr/privacy.ts';

/** Why the audit trail outlives an erasure. */
const proofOfAccess: Said = {
  en: 'proof of who accessed the file, kept under a legal obligation',
  fr: 'la preuve de qui a accédé au dossier, conservée au titre d’une obligation légale',
};

/** Every function's log group: what it logs about its invocations, for 3 months. */
const logGroup = (name: FunctionName): DataHolding => ({
  where: { kind: 'logGroup', function: name },
  holds: {
    en: `the logs of ${name}: request and caller ids, customer ids of failures, no request bodies`,
    fr: `les journaux de ${name} : identifiants des requêtes et des appelants, identifiants clients des échecs, jamais le corps des requêtes`,
  },
  activities: ['operations'],
  categories: ['access'],
  subjects: ['customers', 'staff'],
  retention: {
    keep: 'P3M',
    from: 'collection',
    rule: 'operations and security: 3 months',
    enforcement: 'logRetention',
  },
  access: {
    export: 'excluded',
    why: {
      en: 'technical logs; the audit trail says who read the file',
      fr: 'des journaux techniques ; le journal d’audit dit qui a consulté le dossier',
    },
  },
  erasure: { erase: 'expires', within: { en: '3 months', fr: 'dans les 3 mois' } },
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
      holds: {
        en: 'one record per read, change or refused attempt on a customer file: who, when, what, why',
        fr: 'un enregistrement par consultation, modification ou tentative refusée sur un dossier client : qui, quand, quoi, pourquoi',
      },
      activities: ['accessAudit'],
      categories: ['access'],
      subjects: ['customers', 'prospects', 'staff'],
      retention: auditRetention,
      access: { export: 'included' },
      erasure: { erase: 'never', why: proofOfAccess },
    },
    {
      where: { kind: 'bucket', bucket: 'auditArchive' },
      holds: {
        en: 'the audit trail for the long term, locked against deletion',
        fr: 'le journal d’audit archivé pour le long terme, verrouillé contre toute suppression',
      },
      activities: ['accessAudit'],
      categories: ['access'],
      subjects: ['customers', 'prospects', 'staff'],
      retention: {
        ...auditRetention,
        keep: 'P5Y3D',
        rule: `${auditRetention.rule}; locked 5 years and 2 days, then removed by the bucket's lifecycle`,
        enforcement: 'objectLock',
      },
      access: {
        export: 'excluded',
        why: {
          en: 'the same records as the audit table, which the export holds',
          fr: 'les mêmes enregistrements que la table d’audit, qui figure dans l’export',
        },
      },
      erasure: { erase: 'never', why: proofOfAccess },
    },
    queueInFlight({
      queue: 'auditIntake',
      holds: {
        en: 'audit records on their way to the audit writer',
        fr: 'les enregistrements d’audit en route vers la fonction qui les inscrit au journal',
      },
      activities: ['accessAudit'],
      categories: ['access'],
      subjects: ['customers', 'prospects', 'staff'],
      dlqKeeps: 'a failed record',
      exportedInstead: {
        en: 'the audit table it feeds is exported',
        fr: 'la table d’audit qu’elle alimente figure dans l’export',
      },
      erasure: {
        erase: 'never',
        why: {
          en: 'audit records, kept under a legal obligation',
          fr: 'des enregistrements d’audit, conservés au titre d’une obligation légale',
        },
      },
    }),
    {
      where: { kind: 'table', table: 'idempotency' },
      holds: {
        en: 'the answer to each creating request sent with an Idempotency-Key (a created customer, say), to give it again on a retry',
        fr: 'la réponse à chaque requête de création envoyée avec une Idempotency-Key (un client créé, par exemple), pour la redonner en cas de nouvel essai',
      },
      activities: ['operations'],
      categories: ['identity', 'contact', 'relationship'],
      subjects: ['customers', 'prospects'],
      retention: {
        keep: 'P1D',
        from: 'collection',
        rule: 'a retry comes within a day',
        enforcement: 'dynamodbTtl',
      },
      access: {
        export: 'excluded',
        why: {
          en: 'a copy of an answer, gone within a day',
          fr: 'la copie d’une réponse, supprimée sous 24 heures',
        },
      },
      erasure: { erase: 'always' },
    },
    queueInFlight({
      queue: 'publisherFailures',
      holds: {
        en: 'domain events the stream publisher could not put on the bus, with the item they came from',
        fr: 'les événements métier que le publieur du flux n’a pas pu déposer sur le bus, avec l’élément dont ils proviennent',
      },
      activities: ['operations'],
      categories: ['identity', 'contact', 'relationship', 'consent', 'regulatory'],
      subjects: ['customers', 'prospects'],
      dlqKeeps: 'an event that failed for 15 minutes',
      exportedInstead: {
        en: 'the timeline they belong to is exported',
        fr: 'l’historique dont ils font partie figure dans l’export',
      },
    }),
    {
      where: { kind: 'queue', queue: 'streamFailures', withDlq: true },
      holds: {
        en: 'where in the table’s stream a batch failed: positions, no data',
        fr: 'l’endroit du flux de la table où un lot a échoué : des positions, aucune donnée',
      },
      activities: ['operations'],
      categories: [],
      subjects: [],
      retention: queueRetention('a failed position'),
      access: { export: 'excluded', why: noPersonalData },
      erasure: { erase: 'never', why: noPersonalData },
    },
    {
      where: { kind: 'busArchive' },
      holds: {
        en: 'every event put on the bus, for replay after an incident: customer ids in clear, channel events as sent',
        fr: 'chaque événement déposé sur le bus, pour le rejouer après un incident : identifiants clients en clair, événements des canaux tels qu’envoyés',
      },
      activities: ['operations'],
      categories: ['relationship', 'behaviour', 'device'],
      subjects: ['customers', 'prospects', 'visitors'],
      retention: {
        keep: 'P30D',
        from: 'collection',
        rule: 'replay after an incident, found within days; kept short so as not to be a second store',
        enforcement: 'archiveRetention',
      },
      access: {
        export: 'excluded',
        why: {
          en: 'a copy of the events the timeline and the lake hold',
          fr: 'une copie des événements que conservent l’historique et le lac',
        },
      },
      erasure: { erase: 'expires', within: { en: '30 days', fr: 'dans les 30 jours' } },
    },
    {
      where: { kind: 'apiAccessLog' },
      holds: {
        en: 'one line per API request: caller id, IP address, user agent, route, status',
        fr: 'une ligne par requête à l’API : identifiant de l’appelant, adresse IP, navigateur (user agent), route, code de réponse',
      },
      activities: ['operations', 'accessAudit'],
      categories: ['access', 'device'],
      subjects: ['staff', 'visitors'],
      retention: { keep: 'P1Y', from: 'collection', rule: 'security: a year', enforcement: 'logRetention' },
      access: {
        export: 'excluded',
        why: {
          en: 'requests of staff and channels, not a customer’s data',
          fr: 'des requêtes du personnel et des canaux, non des données d’un client',
        },
      },
      erasure: { erase: 'expires', within: { en: '1 year', fr: 'dans les 12 mois' } },
    },
    ...directoryHoldings,
    ...privacyRequestHoldings,
    ...(Object.keys(functions) as FunctionName[]).map(logGroup),
  ],
} as const satisfies ContextPrivacy;
