/**
 * The customers context in the privacy registry (`#shared/privacy/registry.ts`): managing the
 * relationship with customers and prospects, and the KYC duty, with every item type it writes
 * in the main table.
 */
import {
  type ContextPrivacy,
  type DataHolding,
  type DataSubject,
  type OnErasure,
  type PersonalDataCategory,
  type Retention,
  type Said,
  withoutPersonalData,
} from '#shared/privacy/registry.ts';

/**
 * Identity, contracts and KYC outlive the relationship by the AML retention (5 years from its
 * end; the erasure plan's legal hold counts it too); a prospect's file goes 3 years after their
 * last contact. The daily retention sweep erases both (`retentionSweeper`, `domain/retention.ts`).
 */
export const amlRetention: Retention = {
  keep: 'P5Y',
  from: 'endOfRelationship',
  rule: 'anti-money-laundering retention, Code monétaire et financier L561-12; a prospect: 3 years after the last contact that came from them (CNIL, prospection commerciale), erased by the daily retention sweep',
  enforcement: 'scheduledPurge',
};

/** What goes with the customer's file. */
const withTheFile: Retention = {
  keep: 'as long as the customer file',
  from: 'endOfRelationship',
  rule: 'derived from the customer file, removed with it',
  enforcement: 'withItsCustomer',
};

const amlHold: OnErasure = {
  erase: 'unlessHeld',
  hold: {
    en: 'identity, products held and KYC of a customer with an active relationship, or within 5 years after it ended (CMF L561-12)',
    fr: 'l’identité, les produits détenus et le dossier KYC d’un client dont la relation est en cours ou a pris fin depuis moins de 5 ans (CMF L561-12)',
  },
};

/** A record the AML retention holds (identity, products, the file's history): exported, erased unless held. */
const heldRecord = (
  itemType: string,
  holds: Said,
  categories: readonly PersonalDataCategory[],
  subjects: readonly DataSubject[],
): DataHolding => ({
  where: { kind: 'item', table: 'main', itemType },
  holds,
  activities: ['customerRelationship', 'knowYourCustomer'],
  categories,
  subjects,
  retention: amlRetention,
  access: { export: 'included' },
  erasure: amlHold,
});

/**
 * An index entry made from the profile (search, look-ups): not exported; erased with the
 * profile, and kept while it is (a held customer is still found by their advisor).
 */
const derivedFromProfile = (
  itemType: string,
  holds: Said,
  categories: readonly PersonalDataCategory[],
): DataHolding => ({
  where: { kind: 'item', table: 'main', itemType },
  holds,
  activities: ['customerRelationship'],
  categories,
  subjects: ['customers', 'prospects'],
  retention: withTheFile,
  access: {
    export: 'excluded',
    why: {
      en: 'derived from the profile, which the export holds',
      fr: 'tiré du profil, qui figure dans l’export',
    },
  },
  erasure: amlHold,
});

export const customersPrivacy = {
  context: 'customers',
  activities: {
    customerRelationship: {
      purpose:
        'Managing the relationship with customers and prospects: their file, products held, contact, advice in branch and at a distance',
      legalBasis: 'contract',
      legalReference: 'prospects: legitimate interest of the bank in answering their requests',
      subjects: ['customers', 'prospects'],
      recipients:
        'advisors and managers of the customer’s branch; contact-centre agents; compliance officers; no recipient outside the bank',
    },
    knowYourCustomer: {
      purpose: 'Know-your-customer duty: identity checks and KYC decisions with their reasons',
      legalBasis: 'legalObligation',
      legalReference: 'Code monétaire et financier L561-5 to L561-12',
      subjects: ['customers'],
      recipients:
        'compliance officers and branch managers; the supervisory authorities on request (ACPR, Tracfin)',
    },
  },
  holdings: [
    heldRecord(
      'customer',
      {
        en: 'the customer’s profile: names, birth date, contact details, address, branch, advisor, segment, KYC status',
        fr: 'le profil du client : nom, date de naissance, coordonnées, adresse, agence, conseiller, segment, statut KYC',
      },
      ['identity', 'contact', 'relationship', 'regulatory'],
      ['customers', 'prospects'],
    ),
    {
      where: { kind: 'item', table: 'main', itemType: 'consents' },
      holds: {
        en: 'the customer’s consents per channel and purpose, with when and where each was given',
        fr: 'les consentements du client par canal et par finalité, avec la date et le lieu de recueil de chacun',
      },
      activities: ['customerRelationship'],
      categories: ['consent'],
      subjects: ['customers', 'prospects'],
      retention: withTheFile,
      access: { export: 'included' },
      erasure: { erase: 'always' },
    },
    heldRecord(
      'holding',
      {
        en: 'the products the customer holds: kind, family, opening date, balance or amount',
        fr: 'les produits détenus par le client : type, famille, date d’ouverture, solde ou montant',
      },
      ['financial'],
      ['customers'],
    ),
    heldRecord(
      'event',
      {
        en: 'the timeline of the customer file: creation, changes (field names), consents, KYC decisions, with who acted',
        fr: 'l’historique du dossier client : création, modifications (noms des champs), consentements, décisions KYC, avec l’auteur de chaque action',
      },
      ['relationship', 'consent', 'regulatory'],
      ['customers', 'prospects'],
    ),
    derivedFromProfile(
      'searchTerm',
      {
        en: 'the names a search finds the customer by, with the summary a result shows',
        fr: 'les noms par lesquels une recherche trouve le client, avec le résumé qu’affiche le résultat',
      },
      ['identity', 'relationship'],
    ),
    derivedFromProfile(
      'lookup',
      {
        en: 'the e-mail, phone and customer number a lookup finds the customer by',
        fr: 'l’adresse e-mail, le téléphone et le numéro client par lesquels une recherche directe trouve le client',
      },
      ['contact', 'identity'],
    ),
    withoutPersonalData(
      { kind: 'item', table: 'main', itemType: 'customerNumberCounter' },
      { en: 'the last customer number given', fr: 'le dernier numéro client attribué' },
      'customerRelationship',
      'while the bank gives customer numbers',
    ),
  ],
} as const satisfies ContextPrivacy;
