/**
 * The data protection requests' part of the platform in the privacy registry: the exports made
 * for access requests, the jobs' queue, the requests themselves (the proof they were answered),
 * the erasures' tombstones and the event announcing an erasure.
 */
import { type DataHolding, queueInFlight } from '#shared/privacy/registry.ts';
import { privacyRequestRetention } from './store/privacy-requests-store.ts';

export const privacyRequestHoldings: readonly DataHolding[] = [
  {
    where: { kind: 'bucket', bucket: 'privacyExports' },
    holds: {
      en: 'the archive of a customer’s data made for an access request, until the officer hands it over',
      fr: 'l’archive des données d’un client constituée pour une demande d’accès, jusqu’à ce que le délégué la remette',
    },
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
    access: { export: 'excluded', why: { en: 'the export itself', fr: 'l’export lui-même' } },
    erasure: { erase: 'always' },
  },
  queueInFlight({
    queue: 'privacyJobs',
    holds: {
      en: 'the access and erasure requests on their way to their job: request and customer ids',
      fr: 'les demandes d’accès et d’effacement en route vers leur traitement : identifiants de la demande et du client',
    },
    activities: ['dataProtectionRequests'],
    categories: ['access'],
    subjects: ['customers', 'prospects'],
    dlqKeeps: 'a failed request',
    exportedInstead: {
      en: 'the request it carries is exported',
      fr: 'la demande qu’elle transporte figure dans l’export',
    },
  }),
  {
    where: { kind: 'item', table: 'main', itemType: 'privacyRequest' },
    holds: {
      en: 'a data protection request: its kind, the customer’s id and name, when it came, its due date, state, and who handled it',
      fr: 'une demande relative à la protection des données : son type, l’identifiant et le nom du client, sa date de réception, son échéance, son état, et qui l’a traitée',
    },
    activities: ['dataProtectionRequests'],
    categories: ['identity', 'access'],
    subjects: ['customers', 'prospects', 'staff'],
    retention: privacyRequestRetention,
    access: { export: 'included' },
    erasure: {
      erase: 'never',
      why: {
        en: 'the proof that the erasure was made, kept under a legal obligation',
        fr: 'la preuve que l’effacement a été fait, conservée au titre d’une obligation légale',
      },
    },
  },
  {
    where: { kind: 'item', table: 'main', itemType: 'tombstone' },
    holds: {
      en: 'the ids of erased customers and of the visitor ids that were linked to them, with when and by which request',
      fr: 'les identifiants des clients effacés et les identifiants visiteur qui leur étaient associés, avec la date et la demande de chaque effacement',
    },
    activities: ['dataProtectionRequests'],
    categories: ['identity', 'device'],
    subjects: ['customers', 'prospects', 'visitors'],
    retention: {
      keep: 'P5Y',
      from: 'collection',
      rule: 'as long as the proof of the erasure: a late event, a redrive or a replay must not bring the person back',
      enforcement: 'dynamodbTtl',
    },
    access: {
      export: 'excluded',
      why: {
        en: 'ids only, of a person already erased',
        fr: 'de simples identifiants, d’une personne déjà effacée',
      },
    },
    erasure: {
      erase: 'never',
      why: {
        en: 'what keeps the erasure from being undone (GDPR art. 17, 19)',
        fr: 'ce qui empêche que l’effacement soit défait (RGPD art. 17, 19)',
      },
    },
  },
  {
    where: { kind: 'item', table: 'main', itemType: 'privacyEvent' },
    holds: {
      en: 'the CustomerErased event of a completed erasure, on its way to the bus: request and customer ids',
      fr: 'l’événement CustomerErased d’un effacement terminé, en route vers le bus : identifiants de la demande et du client',
    },
    activities: ['dataProtectionRequests'],
    categories: ['identity'],
    subjects: ['customers', 'prospects'],
    retention: {
      keep: 'P1D',
      from: 'collection',
      rule: 'published within seconds; the request keeps the proof',
      enforcement: 'dynamodbTtl',
    },
    access: {
      export: 'excluded',
      why: {
        en: 'the request it announces is exported',
        fr: 'la demande qu’il annonce figure dans l’export',
      },
    },
    erasure: {
      erase: 'never',
      why: {
        en: 'announces the erasure; the customer id only',
        fr: 'annonce l’effacement ; seul l’identifiant du client y figure',
      },
    },
  },
];
