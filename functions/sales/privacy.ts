/**
 * The sales context in the privacy registry (`#shared/privacy/registry.ts`): following the deals
 * the bank proposes to its customers and prospects. The catalogue and the simulators keep
 * nothing about anyone.
 */
import type { ContextPrivacy } from '#shared/privacy/registry.ts';

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
      retention: {
        keep: 'as long as the customer file',
        from: 'lastContact',
        rule: 'part of the customer file: a prospect’s goes 3 years after their last contact, a customer’s with the file',
        enforcement: 'withItsCustomer',
      },
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
  ],
} satisfies ContextPrivacy;
