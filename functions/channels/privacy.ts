/**
 * The channels context in the privacy registry (`#shared/privacy/registry.ts`): collecting
 * what visitors and customers do on the bank's sites and apps, linking a device to the customer
 * who logs in on it, and the configuration of the channels themselves.
 */
import {
  type ContextPrivacy,
  queueInFlight,
  type Retention,
  type Said,
  withoutPersonalData,
} from '#shared/privacy/registry.ts';

/** CNIL guidance on audience measurement: data kept 25 months at most (a TTL on each item). */
export const audienceRetention: Retention = {
  keep: 'P25M',
  from: 'collection',
  rule: 'CNIL, audience measurement: trackers 13 months, the data collected 25 months',
  enforcement: 'dynamodbTtl',
};

const configuration = (itemType: string, holds: Said) =>
  withoutPersonalData(
    { kind: 'item', table: 'main', itemType },
    holds,
    'channelConfiguration',
    'while the channel is used',
  );

export const channelsPrivacy = {
  context: 'channels',
  activities: {
    audienceMeasurement: {
      purpose:
        'Measuring the audience of the bank’s sites and apps, and showing a customer’s visits in their file, for devices whose tracking consent was given',
      legalBasis: 'consent',
      legalReference:
        'ePrivacy directive art. 5(3), loi Informatique et Libertés art. 82; the tracker collects nothing before consent',
      subjects: ['visitors', 'customers'],
      recipients: 'the customer’s advisors (visits in the file); analysts (pseudonymised lake)',
    },
    identityStitching: {
      purpose: 'Linking a device to the customer who logs in on it, so that their visits join their file',
      legalBasis: 'consent',
      legalReference: 'given with the tracking consent of the device; undone by unlinking',
      subjects: ['visitors', 'customers'],
      recipients: 'the customer’s advisors; nobody outside the bank',
    },
    channelConfiguration: {
      purpose: 'Configuring the channels that send events: write keys and custom event schemas',
      legalBasis: 'legitimateInterest',
      subjects: [],
      recipients: 'administrators',
    },
  },
  holdings: [
    {
      where: { kind: 'item', table: 'main', itemType: 'activity' },
      holds: {
        en: 'the customer’s channel activity in their timeline: visits (pages, products), logins, simulations',
        fr: 'l’activité du client sur les canaux, dans son historique : visites (pages, produits), connexions, simulations',
      },
      activities: ['audienceMeasurement'],
      categories: ['behaviour', 'financial'],
      subjects: ['customers'],
      retention: audienceRetention,
      access: { export: 'included' },
      erasure: { erase: 'always' },
    },
    {
      where: { kind: 'item', table: 'main', itemType: 'deviceEvent' },
      holds: {
        en: 'the timeline’s entries of a device linked to or unlinked from the customer: visitor id, channel, the login that linked it',
        fr: 'les entrées de l’historique d’un appareil associé au client ou dissocié de lui : identifiant visiteur, canal, connexion à l’origine de l’association',
      },
      activities: ['identityStitching'],
      categories: ['device'],
      subjects: ['customers'],
      retention: audienceRetention,
      access: { export: 'included' },
      erasure: { erase: 'always' },
    },
    {
      where: { kind: 'item', table: 'main', itemType: 'visitPointer' },
      holds: {
        en: 'which timeline entry a visit in progress adds to',
        fr: 'l’entrée de l’historique que complète une visite en cours',
      },
      activities: ['audienceMeasurement'],
      categories: ['device'],
      subjects: ['customers'],
      retention: {
        keep: 'P2D',
        from: 'collection',
        rule: 'only while a visit may go on',
        enforcement: 'dynamodbTtl',
      },
      access: {
        export: 'excluded',
        why: {
          en: 'bookkeeping of a visit, gone within 2 days',
          fr: 'suivi technique d’une visite, supprimé sous 2 jours',
        },
      },
      erasure: { erase: 'always' },
    },
    {
      where: { kind: 'item', table: 'main', itemType: 'identity' },
      holds: {
        en: 'the devices (visitor ids) linked to the customer, in their file',
        fr: 'les appareils (identifiants visiteur) associés au client, dans son dossier',
      },
      activities: ['identityStitching'],
      categories: ['device'],
      subjects: ['customers'],
      retention: audienceRetention,
      access: { export: 'included' },
      erasure: { erase: 'always' },
    },
    {
      where: { kind: 'item', table: 'main', itemType: 'identityLink' },
      holds: {
        en: 'the link from a visitor id to the customer who logged in on that device',
        fr: 'le lien entre un identifiant visiteur et le client qui s’est connecté sur cet appareil',
      },
      activities: ['identityStitching'],
      categories: ['device'],
      subjects: ['customers', 'visitors'],
      retention: audienceRetention,
      access: {
        export: 'excluded',
        why: {
          en: 'the same link as the device in the customer’s file, which the export holds',
          fr: 'le même lien que l’appareil inscrit au dossier du client, qui figure dans l’export',
        },
      },
      erasure: { erase: 'always' },
    },
    configuration('writeKey', {
      en: 'a channel’s write key: name, hash, state',
      fr: 'la clé d’écriture d’un canal : nom, empreinte, état',
    }),
    configuration('writeKeyHash', {
      en: 'the lookup of a write key by its hash',
      fr: 'la recherche d’une clé d’écriture par son empreinte',
    }),
    configuration('eventSchema', {
      en: 'a custom event’s JSON Schema, by version',
      fr: 'le schéma JSON d’un événement personnalisé, par version',
    }),
    {
      where: { kind: 'table', table: 'ingest' },
      holds: {
        en: 'the message ids already received per channel (deduplication), the events a visit counted, and daily counts of events sent without consent',
        fr: 'les identifiants des messages déjà reçus par canal (dédoublonnage), les événements déjà comptés dans une visite, et le décompte quotidien des événements envoyés sans consentement',
      },
      activities: ['audienceMeasurement'],
      categories: [],
      subjects: [],
      retention: {
        keep: 'P7D',
        from: 'collection',
        rule: 'message ids and counted events 7 days (a sender retries within a week); the consent-less counts, which name no one, 400 days',
        enforcement: 'dynamodbTtl',
      },
      access: {
        export: 'excluded',
        why: { en: 'ids of messages, not of people', fr: 'des identifiants de messages, non de personnes' },
      },
      erasure: { erase: 'expires', within: { en: '7 days', fr: 'dans les 7 jours' } },
    },
    queueInFlight({
      queue: 'timelineIntake',
      holds: {
        en: 'channel events of known customers on their way to the timeline',
        fr: 'les événements des canaux concernant des clients connus, en route vers leur historique',
      },
      activities: ['audienceMeasurement'],
      categories: ['behaviour', 'device'],
      subjects: ['customers'],
      dlqKeeps: 'a failed event',
      exportedInstead: {
        en: 'the timeline it feeds is exported',
        fr: 'l’historique qu’elle alimente figure dans l’export',
      },
    }),
  ],
} as const satisfies ContextPrivacy;
