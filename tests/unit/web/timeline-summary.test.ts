/**
 * What each history entry says it is about, in French and English, from the details the API
 * stores: the domain events of `schemas/events/*.ts` and the channel activity of
 * `functions/channels/domain/activity.ts`.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '#schemas/customers/timeline.ts';
import { entryAuthor, summariseEntry } from '#web/src/features/customers/utils/timeline-summary.ts';
import type { Lang } from '#web/src/lib/i18n.ts';

/** Narrow and ordinary no-break spaces (French thousands, before €) as plain spaces. */
const plain = (lines: string[]) => lines.map((line) => line.replace(/\s/g, ' '));

const branchNames = new Map([
  ['br-paris-opera', 'Paris Opéra'],
  ['br-lyon-bellecour', 'Lyon Bellecour'],
]);
const context = { branchName: (id: string) => branchNames.get(id) };

const entry = (
  type: string,
  detail: Record<string, unknown>,
  source = 'relais.customers',
): TimelineEntry => ({
  id: `ev-${type}`,
  type,
  source,
  occurredAt: '2024-03-04T10:00:00.000Z',
  actor: { id: 'a3157173', name: 'Camille Martin' },
  detail: { schemaVersion: 1, eventId: `ev-${type}`, occurredAt: '2024-03-04T10:00:00.000Z', ...detail },
});

const both = (value: TimelineEntry) => ({
  fr: plain(summariseEntry(value, 'fr', context)),
  en: plain(summariseEntry(value, 'en', context)),
});

describe('what a history entry is about', () => {
  it('gives a loan simulation its product, amount, term and monthly payment', () => {
    // Prepare
    const simulation = entry(
      'SimulationCompleted',
      {
        channel: 'web',
        simulationId: 'sim-1',
        product: 'pret-immo',
        amount: 200000,
        durationMonths: 240,
        monthlyPayment: 1234.56,
      },
      'relais.channels',
    );

    // Act
    const summary = both(simulation);

    // Assess
    expect(summary.fr).toEqual(['Prêt immobilier · 200 000 € sur 20 ans · mensualité de 1 234,56 €']);
    expect(summary.en).toEqual(['Home loan · €200,000 over 20 years · monthly payment of €1,234.56']);
  });

  it('counts a term that is no whole number of years in months, and leaves out what was not sent', () => {
    // Prepare
    const short = entry(
      'SimulationCompleted',
      { channel: 'ios', simulationId: 'sim-2', product: 'pret-auto', amount: 15000, durationMonths: 18 },
      'relais.channels',
    );
    const bare = entry('SimulationCompleted', {
      channel: 'web',
      simulationId: 'sim-3',
      product: 'micro-credit',
    });

    // Act
    const summaries = [both(short), both(bare)];

    // Assess
    expect(summaries.map((s) => s.fr)).toEqual([['Crédit auto · 15 000 € sur 18 mois'], ['micro-credit']]);
    expect(summaries.map((s) => s.en)).toEqual([['Car loan · €15,000 over 18 months'], ['micro-credit']]);
  });

  it('gives a KYC decision its new status, the former one and the reason', () => {
    // Prepare
    const decision = entry('KycStatusChanged', {
      customerId: 'cu-1',
      branchId: 'br-paris-opera',
      from: 'verified',
      to: 'to_review',
      reason: ' Justificatif de domicile expiré ',
      version: 4,
    });

    // Act
    const summary = both(decision);

    // Assess
    expect(summary.fr).toEqual([
      'Nouveau statut : À revoir (auparavant : Vérifié)',
      'Motif : Justificatif de domicile expiré',
    ]);
    expect(summary.en).toEqual([
      'New status: To review (was: Verified)',
      'Reason: Justificatif de domicile expiré',
    ]);
  });

  it('says which fields an update changed, and calls a change of segment or advisor an assignment', () => {
    // Prepare
    const update = entry('CustomerUpdated', {
      customerId: 'cu-1',
      branchId: 'br-paris-opera',
      changedFields: ['contact', 'address'],
      version: 5,
    });
    const assignment = entry('CustomerUpdated', {
      customerId: 'cu-1',
      branchId: 'br-paris-opera',
      changedFields: ['segment', 'advisorId'],
      version: 6,
    });

    // Act
    const summaries = [both(update), both(assignment)];

    // Assess
    expect(summaries.map((s) => s.fr)).toEqual([
      ['Champs modifiés : coordonnées et adresse'],
      ['Affectation modifiée : segment et conseiller'],
    ]);
    expect(summaries.map((s) => s.en)).toEqual([
      ['Changed: contact details and address'],
      ['Assignment changed: segment and advisor'],
    ]);
  });

  it('names both branches of a move, by their names', () => {
    // Prepare
    const move = entry('CustomerUpdated', {
      customerId: 'cu-1',
      branchId: 'br-lyon-bellecour',
      previousBranchId: 'br-paris-opera',
      changedFields: ['branchId', 'advisorId'],
      version: 7,
    });

    // Act
    const summary = both(move);

    // Assess
    expect(summary.fr).toEqual([
      'Transfert de l’agence Paris Opéra vers l’agence Lyon Bellecour',
      'Affectation modifiée : agence et conseiller',
    ]);
    expect(summary.en).toEqual([
      'Moved from the Paris Opéra branch to the Lyon Bellecour branch',
      'Assignment changed: branch and advisor',
    ]);
  });

  it('gives each consent change its channel, purpose and whether it was granted or withdrawn', () => {
    // Prepare
    const consents = entry('ConsentChanged', {
      customerId: 'cu-1',
      branchId: 'br-paris-opera',
      changes: [
        { channel: 'email', purpose: 'marketing', granted: true, source: 'branch' },
        { channel: 'sms', purpose: 'profiling', granted: false, source: 'web' },
      ],
    });

    // Act
    const summary = both(consents);

    // Assess
    expect(summary.fr).toEqual([
      'E-mail, prospection commerciale : accordé (en agence)',
      'SMS, profilage : retiré (site web)',
    ]);
    expect(summary.en).toEqual([
      'Email, marketing: granted (in branch)',
      'SMS, profiling: withdrawn (website)',
    ]);
  });

  it('gives a visit its pages, length, paths and products', () => {
    // Prepare
    const visit = entry(
      'Visit',
      {
        channel: 'web',
        startedAt: '2024-03-04T10:00:00.000Z',
        endedAt: '2024-03-04T10:04:10.000Z',
        durationSeconds: 250,
        pages: 3,
        paths: ['/', '/credit-immobilier', '/epargne/livret-a'],
        products: ['pret-immo'],
      },
      'relais.channels',
    );
    const glance = entry(
      'Visit',
      { channel: 'android', durationSeconds: 0, pages: 1, paths: ['accueil'], products: [] },
      'relais.channels',
    );

    // Act
    const summaries = [both(visit), both(glance)];

    // Assess
    expect(summaries[0]?.fr).toEqual([
      '3 pages vues · 4 min',
      'Pages : /, /credit-immobilier et /epargne/livret-a',
      'Produits : Prêt immobilier',
    ]);
    expect(summaries[0]?.en).toEqual([
      '3 pages viewed · 4 min',
      'Pages: /, /credit-immobilier, and /epargne/livret-a',
      'Products: Home loan',
    ]);
    expect(summaries[1]?.fr).toEqual(['1 page vue · moins d’une minute', 'Pages : accueil']);
    expect(summaries[1]?.en).toEqual(['1 page viewed · less than a minute', 'Pages: accueil']);
  });

  it('gives a subscription its product and amount band, and a product view its family', () => {
    // Prepare
    const subscription = entry(
      'Transaction',
      { channel: 'web', kind: 'subscription', product: 'pret-immo', amountBand: '>5k' },
      'relais.channels',
    );
    const payment = entry('Transaction', { channel: 'ios', kind: 'card_payment', amountBand: '50-500' });
    const view = entry('ProductViewed', { channel: 'web', product: 'livret-a', family: 'savings' });

    // Act
    const summaries = [both(subscription), both(payment), both(view)];

    // Assess
    expect(summaries.map((s) => s.fr)).toEqual([
      ['Souscription : Prêt immobilier · plus de 5 000 €'],
      ['Paiement par carte · 50 € à 500 €'],
      ['Livret A (épargne)'],
    ]);
    expect(summaries.map((s) => s.en)).toEqual([
      ['Subscription: Home loan · over €5,000'],
      ['Card payment · €50 to €500'],
      ['Livret A (savings)'],
    ]);
  });

  it('says how a customer signed in, which form they sent, and what an app opening was', () => {
    // Prepare
    const entries = [
      entry('Login', { channel: 'web', method: 'password' }),
      entry('FormSubmitted', { channel: 'web', form: 'demande-credit' }),
      entry('AppOpened', { channel: 'android', firstOpen: true, appVersion: '3.2.0' }),
    ];

    // Act
    const summaries = entries.map(both);

    // Assess
    expect(summaries.map((s) => s.fr)).toEqual([
      ['Méthode : mot de passe'],
      ['Formulaire : demande-credit'],
      ['Première ouverture · Version 3.2.0'],
    ]);
    expect(summaries.map((s) => s.en)).toEqual([
      ['Method: password'],
      ['Form: demande-credit'],
      ['First opening · Version 3.2.0'],
    ]);
  });

  it('describes a new file, and the links of a browser or device', () => {
    // Prepare
    const created = entry('CustomerCreated', {
      customerId: 'cu-1',
      branchId: 'br-paris-opera',
      kind: 'individual',
      segment: 'affluent',
    });
    const linked = entry(
      'IdentityLinked',
      { channel: 'web', anonymousId: 'anon-1', linkedBy: 'msg-1', movedFromAnotherCustomer: true },
      'relais.channels',
    );
    const unlinked = entry(
      'IdentityUnlinked',
      { channel: 'ios', anonymousId: 'anon-1', reason: 'linked_to_another_customer' },
      'relais.channels',
    );

    // Act
    const summaries = [both(created), both(linked), both(unlinked)];

    // Assess
    expect(summaries.map((s) => s.fr)).toEqual([
      ['Particulier · Patrimonial · agence Paris Opéra'],
      [
        'Navigateur ou appareil associé au client à sa connexion (site web)',
        'Il était auparavant associé à un autre client.',
      ],
      ['Un autre client s’est connecté sur ce navigateur ou cet appareil (application iOS)'],
    ]);
    expect(summaries.map((s) => s.en)).toEqual([
      ['Individual · Affluent · Paris Opéra branch'],
      [
        'Browser or device linked to the customer at sign-in (website)',
        'It was linked to another customer before.',
      ],
      ['Another customer signed in on this browser or device (iOS app)'],
    ]);
  });

  it('says nothing more than the type of an entry whose detail is unknown or broken', () => {
    // Prepare
    const entries = [
      entry('SomethingNew', { foo: 'bar' }),
      entry('KycStatusChanged', { to: 42 }),
      entry('ConsentChanged', { changes: 'all' }),
      entry('CustomerUpdated', { changedFields: 'firstName' }),
    ];

    // Act
    const summaries = entries.map((value) => summariseEntry(value, 'fr'));

    // Assess
    expect(summaries).toEqual([[], [], [], []]);
  });
});

describe('who an entry is by', () => {
  it('names the staff member, or the customer and the channel for their own activity', () => {
    // Prepare
    const decision = entry('KycStatusChanged', { to: 'verified', reason: 'ok' });
    const visit = entry('Visit', { channel: 'web', pages: 1 }, 'relais.channels');
    const langs: Lang[] = ['fr', 'en'];

    // Act
    const authors = langs.map((lang) => [entryAuthor(decision, lang), entryAuthor(visit, lang)]);

    // Assess
    expect(authors).toEqual([
      ['par Camille Martin', 'par le client · site web'],
      ['by Camille Martin', 'by the customer · website'],
    ]);
  });
});

describe("what a sales opportunity's history entry is about", () => {
  const deal = { opportunityId: 'op-1', productCode: 'pret-auto', amountCents: 1_500_000, family: 'loan' };

  it('says the product, the amount and the expected signing day of a deal opened', () => {
    const opened = both(
      entry('OpportunityCreated', { ...deal, expectedCloseOn: '2027-01-29' }, 'relais.sales'),
    );
    expect(opened.fr).toEqual(['Crédit auto, 15 000,00 € : signature prévue le 29/01/2027']);
    expect(opened.en).toEqual(['Car loan, €15,000.00: expected to sign on 29/01/2027']);
  });

  it('says from which stage to which a deal moved, and why it was lost', () => {
    const moved = both(
      entry('OpportunityStageChanged', { ...deal, from: 'proposal', to: 'negotiation' }, 'relais.sales'),
    );
    expect(moved.fr).toEqual(['Crédit auto : proposition → négociation']);
    expect(moved.en).toEqual(['Car loan: proposal → negotiation']);
    const lost = both(
      entry('OpportunityLost', { ...deal, closedOn: '2026-12-04', lostReason: 'competitor' }, 'relais.sales'),
    );
    expect(lost.fr).toEqual(['Crédit auto : perdue (concurrence)']);
    expect(lost.en).toEqual(['Car loan: lost (competitor)']);
  });

  it('says when a deal was signed, and what changed in one', () => {
    const won = both(entry('OpportunityWon', { ...deal, closedOn: '2026-12-04' }, 'relais.sales'));
    expect(won.fr).toEqual(['Crédit auto, 15 000,00 € : signée le 04/12/2026']);
    const changed = both(
      entry('OpportunityUpdated', { changedFields: ['amountCents', 'ownerId'] }, 'relais.sales'),
    );
    expect(changed.fr).toEqual(['Modification : montant et conseiller']);
    expect(changed.en).toEqual(['Changed: amount and advisor']);
  });

  it('names a loan offer’s number, amount lent, term and TAEG, issued and accepted', () => {
    const quoted = {
      productCode: 'pret-auto',
      quoteNumber: 2,
      principalCents: 1_500_000,
      months: 48,
      taegPercent: 5.48,
    };
    const issued = both(entry('QuoteIssued', quoted, 'relais.sales'));
    expect(issued.fr).toEqual(['Offre n° 2 : Crédit auto, 15 000 € sur 4 ans, TAEG 5,48 %']);
    expect(issued.en).toEqual(['Offer no. 2: Car loan, €15,000 over 4 years, APRC 5.48%']);
    const accepted = both(entry('QuoteAccepted', { ...quoted, months: 50 }, 'relais.sales'));
    expect(accepted.fr).toEqual([
      'Offre n° 2 acceptée par le client : Crédit auto, 15 000 € sur 50 mois, TAEG 5,48 %',
    ]);
  });
});

describe('what an activity’s entry says', () => {
  it('names a task, its due day and its closing', () => {
    const task = { kind: 'task', subject: 'Envoyer l’offre', taskStatus: 'open', dueOn: '2026-12-08' };
    expect(both(entry('ActivityLogged', task, 'relais.sales')).fr).toEqual([
      'Tâche : Envoyer l’offre (pour le 08/12/2026)',
    ]);
    expect(both(entry('ActivityLogged', { ...task, taskStatus: 'done' }, 'relais.sales')).en).toEqual([
      'Task done: Envoyer l’offre',
    ]);
  });

  it('tells a call received from an e-mail sent, with the summary logged', () => {
    const call = { kind: 'call', direction: 'inbound', subject: 'Opposition', summary: 'Carte perdue' };
    expect(both(entry('ActivityLogged', call, 'relais.sales')).fr).toEqual([
      'Appel reçu : Opposition',
      'Carte perdue',
    ]);
    const mail = { kind: 'email', direction: 'outbound', subject: 'Votre offre' };
    expect(both(entry('ActivityLogged', mail, 'relais.sales')).en).toEqual(['E-mail sent: Votre offre']);
  });

  it('says how a meeting took place and what was discussed, and why a report was corrected', () => {
    const reported = { version: 1, channel: 'video', productsDiscussed: ['pret-auto', 'livret-a'] };
    expect(both(entry('MeetingReported', reported, 'relais.sales')).fr).toEqual([
      'Entretien (en visio) : compte rendu rédigé',
      'Produits évoqués : Crédit auto et Livret A',
    ]);
    const corrected = { ...reported, version: 2, reason: 'Montant précisé', productsDiscussed: [] };
    expect(both(entry('MeetingReported', corrected, 'relais.sales')).en).toEqual([
      'Report corrected (version 2): Montant précisé',
    ]);
  });
});
