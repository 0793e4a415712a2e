/**
 * The sales context in the privacy registry (`#shared/privacy/registry.ts`): following the deals
 * the bank proposes to its customers and prospects. The catalogue and the simulators keep
 * nothing about anyone.
 */
import type { ContextPrivacy } from '#shared/privacy/registry.ts';

/** Part of the customer file: goes with it (a prospect's 3 years after their last contact). */
const withTheFile = {
  keep: 'as long as the customer file',
  from: 'lastContact',
  rule: 'part of the customer file: a prospect’s goes 3 years after their last contact, a customer’s with the file',
  enforcement: 'withItsCustomer',
} as const;

export const salesPrivacy = {
  context: 'sales',
  activities: {
    salesFollowUp: {
      purpose:
        'Following the products an advisor proposes to a customer or prospect: the deal, its amount, its stages and why it was lost',
      legalBasis: 'legitimateInterest',
      legalReference:
        'the bank’s interest in advising its customers and prospects (CNIL, prospection commerciale); pre-contractual steps once the customer asks for an offer',
      subjects: ['customers', 'prospects'],
      recipients: 'the customer’s branch (advisors, branch manager)',
    },
    customerFollowUp: {
      purpose:
        'Keeping the record of the relationship with a customer: calls and e-mails logged, meeting reports (notes, products discussed, needs) and the follow-up tasks they open',
      legalBasis: 'legitimateInterest',
      legalReference:
        'the bank’s interest in following its customers; the duty to advise and its proof (Code monétaire et financier L533-12-6 for investment advice; Code de la consommation L312-14 for credit)',
      subjects: ['customers', 'prospects'],
      recipients:
        'the customer’s branch (advisors, branch manager); the contact centre for tasks and logged calls',
    },
    loanOffers: {
      purpose:
        'Giving a customer who asks for a loan the offer priced for them (the pre-contractual information) and keeping it with the loan they take',
      legalBasis: 'contract',
      legalReference:
        'pre-contractual steps at the customer’s request; Code de la consommation L312-12 and L313-7 (pre-contractual information), whose proof the lender bears',
      subjects: ['customers', 'prospects'],
      recipients: 'the customer’s branch (advisors, branch manager)',
    },
  },
  holdings: [
    {
      where: { kind: 'item', table: 'main', itemType: 'opportunity' },
      holds: {
        en: 'the deals proposed to the customer: product, amount, expected closing, owner, stage history, lost reason',
        fr: 'les affaires proposées au client : produit, montant, date de signature prévue, conseiller, historique des étapes, motif de perte',
      },
      activities: ['salesFollowUp'],
      categories: ['financial', 'relationship'],
      subjects: ['customers', 'prospects'],
      retention: withTheFile,
      access: { export: 'included' },
      // Commercial, not the AML record: nothing holds it once the customer asks for erasure.
      erasure: { erase: 'always' },
    },
    {
      where: { kind: 'item', table: 'main', itemType: 'quote' },
      holds: {
        en: 'the loan offers issued to the customer: project, down payment, amount lent, term, rates, TAEG, who issued it and when',
        fr: 'les offres de prêt remises au client : projet, apport, montant prêté, durée, taux, TAEG, qui l’a émise et quand',
      },
      activities: ['loanOffers', 'salesFollowUp'],
      categories: ['identity', 'financial', 'relationship'],
      subjects: ['customers', 'prospects'],
      retention: {
        keep: 'as long as the customer file',
        from: 'lastContact',
        rule: 'part of the customer file: a prospect’s goes 3 years after their last contact, a customer’s with the file (the offer of a loan they took stays the proof of its pre-contractual information)',
        enforcement: 'withItsCustomer',
      },
      access: { export: 'included' },
      erasure: {
        erase: 'unlessHeld',
        hold: {
          en: 'the offers of a customer with an active relationship or within 5 years after it ended: the proof of the pre-contractual information of the loans they took (Code de la consommation L312-12, L341-1)',
          fr: 'les offres d’un client dont la relation est en cours ou a pris fin depuis moins de 5 ans : la preuve de l’information précontractuelle des prêts souscrits (Code de la consommation L312-12, L341-1)',
        },
      },
    },
    {
      where: { kind: 'item', table: 'main', itemType: 'task' },
      holds: {
        en: 'the follow-up tasks about the customer: what to do, by when, who does it, whether it is done',
        fr: 'les tâches de suivi du client : quoi faire, pour quand, par qui, si c’est fait',
      },
      activities: ['customerFollowUp'],
      categories: ['relationship'],
      subjects: ['customers', 'prospects'],
      retention: withTheFile,
      access: { export: 'included' },
      erasure: { erase: 'always' },
    },
    ...(['meetingReport', 'meetingReportVersion'] as const).map((itemType) => ({
      where: { kind: 'item' as const, table: 'main' as const, itemType },
      holds:
        itemType === 'meetingReport'
          ? {
              en: 'the latest version of each meeting report, for the customer file',
              fr: 'la dernière version de chaque compte rendu d’entretien, pour le dossier client',
            }
          : {
              en: 'every version of the meeting reports: notes, products discussed, needs, next steps, who wrote it and why it was corrected',
              fr: 'chaque version des comptes rendus d’entretien : notes, produits évoqués, besoins, prochaines étapes, rédacteur et motif de correction',
            },
      activities: ['customerFollowUp'],
      categories: ['financial', 'relationship'] as const,
      subjects: ['customers', 'prospects'] as const,
      retention: withTheFile,
      access: { export: 'included' as const },
      erasure: {
        erase: 'unlessHeld' as const,
        hold: {
          en: 'the advice given to a customer with an active relationship or within 5 years after it ended: its proof (duty to advise; CMF L561-12 for the relationship record)',
          fr: 'le conseil donné à un client dont la relation est en cours ou a pris fin depuis moins de 5 ans : sa preuve (devoir de conseil ; CMF L561-12 pour le dossier de la relation)',
        },
      },
    })),
  ],
} satisfies ContextPrivacy;
