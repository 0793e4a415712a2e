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
  ],
} satisfies ContextPrivacy;
