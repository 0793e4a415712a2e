/**
 * The analytics context in the privacy registry (`#shared/privacy/registry.ts`): the lake of
 * pseudonymised events that analysts query, and the segmentation and scoring built on it.
 */
import { type ContextPrivacy, queueInFlight, type Retention } from '#shared/privacy/registry.ts';

/** CNIL guidance on audience measurement: the data collected kept 25 months at most. */
export const lakeRetention: Retention = {
  keep: 'P25M',
  from: 'collection',
  rule: 'CNIL, audience measurement: the data collected 25 months; the bucket keeps a deleted file’s version 30 more days',
  enforcement: 'scheduledPurge',
};

const pseudonymised = {
  activities: ['behaviourAnalysis', 'audienceMeasurement'],
  categories: ['behaviour', 'device'],
  subjects: ['customers', 'prospects', 'visitors'],
  retention: lakeRetention,
  access: { export: 'byPseudonym' },
  erasure: { erase: 'always' },
} as const;

export const analyticsPrivacy = {
  context: 'analytics',
  activities: {
    behaviourAnalysis: {
      purpose:
        'Analysing behaviour on the channels, segmenting and scoring customers, on pseudonymised data (no name, e-mail, phone or customer id)',
      legalBasis: 'legitimateInterest',
      legalReference:
        'customers may object at any time (GDPR art. 21): a refusal of profiling in their file keeps their events out of it from then on (no pseudonym in the lake); visitors: only with the tracking consent of the device',
      subjects: ['customers', 'prospects', 'visitors'],
      recipients: 'analysts and marketers (aggregates); no recipient outside the bank',
    },
  },
  holdings: [
    {
      where: { kind: 'lakeTable', name: 'raw_events' },
      holds: {
        en: 'every event as the bus delivered it, pseudonymised, IPs cut to their network (raw/, gzip NDJSON)',
        fr: 'chaque événement tel que le bus l’a livré, pseudonymisé, les adresses IP réduites à leur partie réseau (raw/, NDJSON gzip)',
      },
      ...pseudonymised,
    },
    {
      where: { kind: 'lakeTable', name: 'events' },
      holds: {
        en: 'one row per event: type, channel, times, visitor id, customer pseudonym, page, product, properties (curated/, Parquet)',
        fr: 'une ligne par événement : type, canal, horodatages, identifiant visiteur, pseudonyme du client, page, produit, propriétés (curated/, Parquet)',
      },
      ...pseudonymised,
    },
    {
      where: { kind: 'bucket', bucket: 'lake' },
      holds: {
        en: 'the files of the lake tables raw_events and events',
        fr: 'les fichiers des tables du lac raw_events et events',
      },
      ...pseudonymised,
    },
    {
      where: { kind: 'queryResults' },
      holds: {
        en: 'the answers of the analysts’ queries (Athena’s results bucket): aggregates and pseudonymised rows',
        fr: 'les résultats des requêtes des analystes (bucket de résultats d’Athena) : agrégats et lignes pseudonymisées',
      },
      ...pseudonymised,
      retention: {
        keep: 'P30D',
        from: 'collection',
        rule: 'as long as an analyst needs a result',
        enforcement: 's3Lifecycle',
      },
      access: {
        export: 'excluded',
        why: {
          en: 'answers computed from the lake, whose rows are exported',
          fr: 'des résultats calculés à partir du lac, dont les lignes figurent dans l’export',
        },
      },
      erasure: { erase: 'expires', within: { en: '30 days', fr: 'dans les 30 jours' } },
    },
    queueInFlight({
      queue: 'lakeIntake',
      holds: {
        en: 'every domain and channel event on its way to the lake, before pseudonymisation: customer ids in clear, full IP addresses, event properties',
        fr: 'chaque événement métier ou des canaux en route vers le lac, avant pseudonymisation : identifiants clients en clair, adresses IP complètes, propriétés des événements',
      },
      activities: ['behaviourAnalysis'],
      categories: ['relationship', 'behaviour', 'device'],
      subjects: ['customers', 'prospects', 'visitors'],
      dlqKeeps: 'a failed event',
      exportedInstead: {
        en: 'the lake rows it becomes are exported',
        fr: 'les lignes du lac qui en sont issues figurent dans l’export',
      },
    }),
  ],
} as const satisfies ContextPrivacy;
