/** French messages of the loan simulator, the pipeline of deals and the open deals on a customer's file: the `sales` namespace. */
import type { Customer } from '#schemas/customers/customer.ts';
import type { LoanSimulation } from '#schemas/sales/loan-simulation.ts';
import type { Opportunity } from '#schemas/sales/opportunity.ts';

type Labels<K extends string> = Record<K, string>;
type Ineligibility = LoanSimulation['ineligibilities'][number];
type Stage = Opportunity['stage'];

export const fr = {
  title: 'Simulateur de prêt',
  subtitle:
    "Ce que coûterait un prêt au client : mensualité, TAEG et taux d'usure, tableau d'amortissement. Rien n'est enregistré.",
  notAllowed: 'Écran réservé aux conseillers',
  notAllowedHint:
    "Les simulations de prêt sont faites par les conseillers, les directeurs d'agence et le centre de relation client.",
  home: "Retour à l'accueil",
  noLoan: 'Aucun prêt au catalogue.',
  form: {
    title: 'Le prêt',
    product: 'Produit',
    project: 'Prix du projet (€)',
    projectHint: 'Montant prêté (prix moins apport) : de {{min}} à {{max}} pour ce produit.',
    downPayment: 'Apport (€)',
    downPaymentHint: 'Facultatif : la somme que le client apporte, déduite du prix.',
    months: 'Durée (mois)',
    monthsHint: 'De {{min, number}} à {{max, number}} mois pour ce produit.',
    insurance: 'Assurance emprunteur',
    insuranceHint: '{{rate}} % par an du capital emprunté.',
    insuranceRequired: 'Obligatoire pour ce produit : {{rate}} % par an du capital emprunté.',
    customer: 'Le client',
    customerHint: "Son profil tel qu'il le donne : rien n'est lu dans son dossier.",
    kind: 'Type de client',
    segment: 'Segment',
    birthDate: 'Date de naissance',
    birthDateHint: "Facultative : elle sert à vérifier l'âge que le produit demande.",
    submit: 'Simuler',
    submitting: 'Calcul en cours…',
    errors: {
      productRequired: 'Choisissez un prêt.',
      notLoan: 'Ce produit ne peut pas être simulé : choisissez un prêt du catalogue.',
      projectRequired: 'Indiquez le prix du projet.',
      amount: 'Saisissez un montant en euros, par exemple 15 000 ou 15 000,50.',
      positive: 'Le prix du projet doit être supérieur à zéro.',
      belowProject: "L'apport doit être inférieur au prix du projet.",
      lent: 'Montant prêté entre {{min}} et {{max}} pour ce produit.',
      monthsRequired: 'Indiquez la durée en mois.',
      months: 'Saisissez un nombre entier de mois, par exemple 48.',
      duration: 'Durée entre {{min, number}} et {{max, number}} mois pour ce produit.',
      insurance: "Ce produit exige l'assurance emprunteur.",
      birthDate: 'Saisissez une date de naissance passée, ou laissez le champ vide.',
      refused: 'Valeur refusée : choisissez-en une autre.',
    },
  },
  kinds: {
    individual: 'Particulier',
    professional: 'Professionnel',
    prospect: 'Prospect',
  } as const satisfies Labels<Customer['kind']>,
  result: {
    title: 'Résultat de la simulation',
    /** What was simulated, e.g. « Crédit auto : 15 000,00 € prêtés sur 48 mois ». */
    summary: '{{product}} : {{amount}} prêtés sur {{months, number}} mois',
    figures: 'Chiffres clés',
    monthly: 'Mensualité hors assurance',
    monthlyWithInsurance: 'Mensualité avec assurance',
    withoutInsurance: 'Sans assurance emprunteur',
    rate: 'Taux nominal',
    taeg: 'TAEG',
    /** A rate, the number already formatted. */
    percent: '{{value}} %',
    totalInterest: 'Total des intérêts',
    totalInsurance: "Total de l'assurance",
    fees: 'Frais de dossier',
    totalCost: 'Coût total du crédit',
    totalDue: 'Montant total dû',
    usury: {
      within: "TAEG sous le taux d'usure de {{ceiling}} % (trimestre du {{quarter}})",
      aboveTitle: 'Offre impossible',
      above:
        "Le TAEG dépasse le taux d'usure de {{ceiling}} % (trimestre du {{quarter}}) : cette offre ne peut pas être faite.",
      unknownTitle: "Taux d'usure à vérifier",
      unknown:
        "Les taux d'usure du trimestre en cours ne sont pas encore au catalogue (dernier trimestre connu : celui du {{quarter}}) : vérifiez le TAEG avant de faire l'offre.",
      notApplicable: "Pas de taux d'usure pour les prêts professionnels",
    },
    ineligibleTitle: 'Ce client ne peut pas souscrire ce produit',
    ineligibilities: {
      customerKind: "Ce produit n'est proposé qu'aux clients de type : {{kinds, list}}.",
      tooYoung: "Le client n'a pas l'âge minimum de ce produit.",
      tooOld: "Le client dépasse l'âge maximum de ce produit.",
    } as const satisfies Labels<Ineligibility>,
    minAge: 'Il faut avoir au moins {{age, number}} ans pour souscrire ce produit.',
    maxAge: 'Ce produit ne peut plus être souscrit après {{age, number}} ans.',
    schedule: {
      show: "Voir le tableau d'amortissement",
      caption: "Tableau d'amortissement, mois par mois ({{months, number}} mensualités)",
      month: 'Mois',
      payment: 'Mensualité',
      interest: 'Intérêts',
      principal: 'Capital remboursé',
      insurance: 'Assurance',
      remaining: 'Capital restant dû',
    },
  },
  /** The pipeline of deals (`/pipeline`): one column per stage, the won and lost deals last. */
  pipeline: {
    title: 'Pipeline des affaires',
    subtitle:
      'Les affaires en cours, étape par étape. Glissez une carte vers une autre colonne, ou utilisez « Déplacer vers… » sur la carte.',
    notAllowed: "Écran réservé au réseau d'agences",
    notAllowedHint:
      "Le pipeline des affaires est suivi par les conseillers, les directeurs d'agence et les administrateurs.",
    filters: {
      title: 'Affaires affichées',
      view: 'Affaires',
      mine: 'Les miennes',
      branch: "Toute l'agence",
      branchLabel: 'Agence',
      chooseBranch: 'Choisissez une agence',
      advisor: 'Conseiller',
      allAdvisors: "Tous les conseillers de l'agence",
      advisorsUnavailable: 'La liste des conseillers n’a pas pu être lue : réessayez dans un moment.',
      month: 'Mois de signature',
      monthHint: 'Facultatif : les affaires prévues (ou conclues) ce mois-là.',
      clearMonth: 'Tous les mois',
      monthInvalid: 'Saisissez un mois sous la forme AAAA-MM, par exemple 2027-01.',
      monthPlaceholder: 'AAAA-MM',
    },
    chooseBranch: 'Choisissez une agence pour voir son pipeline.',
    board: 'Colonnes du pipeline',
    /** The columns' headings. */
    columns: {
      qualification: 'Qualification',
      needs_analysis: 'Analyse des besoins',
      proposal: 'Proposition',
      negotiation: 'Négociation',
      won: 'Gagnées',
      lost: 'Perdues',
    } as const satisfies Labels<Stage>,
    /** A stage as a move's destination (the buttons of « Déplacer vers… »). */
    stages: {
      qualification: 'Qualification',
      needs_analysis: 'Analyse des besoins',
      proposal: 'Proposition',
      negotiation: 'Négociation',
      won: 'Gagnée',
      lost: 'Perdue',
    } as const satisfies Labels<Stage>,
    /** Where a deal is, in a sentence: « … est maintenant en proposition ». */
    where: {
      qualification: 'en qualification',
      needs_analysis: 'en analyse des besoins',
      proposal: 'en proposition',
      negotiation: 'en négociation',
      won: 'gagnée',
      lost: 'perdue',
    } as const satisfies Labels<Stage>,
    /** Product families, in a sentence: « les affaires de carte ». */
    families: {
      account: 'compte',
      card: 'carte',
      loan: 'prêt',
      savings: 'épargne',
      insurance: 'assurance',
    } as const satisfies Labels<Opportunity['family']>,
    count_zero: 'Aucune affaire',
    count_one: '{{count, number}} affaire',
    count_many: '{{count, number}} d’affaires',
    count_other: '{{count, number}} affaires',
    /** More cards to come (another page): « 25+ affaires ». */
    count_more_one: '{{count, number}}+ affaire',
    count_more_many: '{{count, number}}+ d’affaires',
    count_more_other: '{{count, number}}+ affaires',
    total: 'Total : {{amount}}',
    totalShown: 'Total affiché : {{amount}}',
    empty: 'Aucune affaire à cette étape.',
    more: 'Voir plus',
    loadingMore: 'Chargement…',
    card: {
      amount: 'Montant',
      expected: 'Signature prévue',
      won: 'Gagnée le',
      lost: 'Perdue le',
      probability: 'Probabilité',
      percent: '{{value}} %',
      lostReason: 'Motif',
      moveTo: 'Déplacer vers…',
      moving: 'Déplacement en cours…',
    },
    lostReasons: {
      price: 'Prix',
      competitor: 'Concurrence',
      customer_declined: 'Refus du client',
      not_eligible: 'Non éligible',
      no_response: 'Sans réponse',
      other: 'Autre',
    } as const satisfies Labels<NonNullable<Opportunity['lostReason']>>,
    lost: {
      title: 'Affaire perdue',
      deal: '« {{title}} » de {{customer}}',
      reason: 'Motif de la perte',
      reasonRequired: 'Choisissez le motif de la perte.',
      note: 'Note',
      noteHint: 'Facultative, sauf pour le motif « Autre » : dites ce qui s’est passé.',
      noteRequired: 'Pour le motif « Autre », dites dans la note pourquoi l’affaire est perdue.',
      confirm: 'Marquer comme perdue',
      cancel: 'Annuler',
    },
    /** A move done, announced. */
    moved: '« {{title}} » de {{customer}} est maintenant {{where}}.',
    refused: {
      title: 'Déplacement impossible',
      closed:
        '« {{title}} » de {{customer}} est déjà {{where}} : une affaire close ne bouge plus. Si le client revient, ouvrez une nouvelle affaire.',
      notInPipeline:
        'Les affaires de {{family}} ne passent pas par l’étape « {{to}} ». Depuis « {{from}} », « {{title}} » peut aller vers : {{allowed, list(type: disjunction)}}.',
      notAllowed:
        '« {{title}} » ne peut pas passer de « {{from}} » à « {{to}} » : une affaire avance d’une étape à la fois et n’est gagnée qu’à sa dernière étape. Depuis « {{from}} », elle peut aller vers : {{allowed, list(type: disjunction)}}.',
    },
    conflict: {
      title: 'Quelqu’un a déplacé cette affaire avant vous',
      now: '« {{title}} » de {{customer}} est maintenant {{where}}. Le tableau a été rechargé : déplacez-la de nouveau si besoin.',
      changed:
        '« {{title}} » de {{customer}} a changé depuis que vous l’avez lue. Le tableau a été rechargé : déplacez-la de nouveau si besoin.',
    },
    errors: {
      title: 'Déplacement refusé',
      to: 'Le pipeline n’accepte pas ce déplacement : le tableau n’était peut-être plus à jour. Rechargez la page puis réessayez.',
      lostReason: 'Une affaire perdue demande son motif.',
      note: 'Pour le motif « Autre », une note doit dire pourquoi l’affaire est perdue.',
      other: 'La demande a été refusée : {{message}}',
    },
  },
  /** The open deals on a customer's file, and the form that opens one. */
  deals: {
    title: 'Affaires en cours',
    empty: 'Aucune affaire en cours pour ce client.',
    /** The deals' facts. */
    amount: 'Montant',
    stage: 'Étape',
    probability: 'Probabilité',
    expected: 'Signature prévue',
    toPipeline: 'Voir dans le pipeline',
    open: {
      toggle: 'Ouvrir une affaire',
      title: 'Nouvelle affaire',
      product: 'Produit',
      chooseProduct: 'Choisissez un produit',
      amount: 'Montant (€)',
      amountHint: 'En euros, par exemple 15 000 ou 15 000,50.',
      closeOn: 'Signature prévue le',
      closeOnHint: 'Aujourd’hui ou un jour à venir.',
      source: 'Origine',
      campaignId: 'Identifiant de la campagne',
      campaignIdHint: 'Tel que la campagne le donne : lettres, chiffres, _ et -.',
      submit: 'Ouvrir l’affaire',
      submitting: 'Ouverture en cours…',
      cancel: 'Annuler',
      loadingForm: 'Chargement du formulaire…',
      loadingProducts: 'Chargement du catalogue…',
      /** The deal opened, announced: « Affaire « Crédit auto » ouverte, en qualification. » */
      opened: 'Affaire « {{title}} » ouverte, {{where}}.',
      ownerTitle: 'Affaire non ouverte',
      owner:
        'Aucun conseiller de l’agence du client ne peut suivre cette affaire : faites d’abord attribuer un conseiller au client.',
      errors: {
        productRequired: 'Choisissez un produit.',
        productRefused: 'Ce produit n’est pas au catalogue : choisissez-en un autre.',
        amountRequired: 'Indiquez le montant.',
        amount: 'Saisissez un montant en euros, par exemple 15 000 ou 15 000,50.',
        positive: 'Le montant doit être supérieur à zéro.',
        tooLarge: 'Le montant ne peut pas dépasser {{max}}.',
        closeOnRequired: 'Indiquez le jour de signature prévu.',
        closeOn: 'Saisissez une date complète, par exemple le 15/03/2027.',
        past: 'La signature prévue ne peut pas être passée : choisissez aujourd’hui ou un jour à venir.',
        sourceRequired: 'Choisissez l’origine de l’affaire.',
        campaignRequired: 'Pour une affaire venue d’une campagne, indiquez l’identifiant de la campagne.',
        campaignId: 'Identifiant de campagne invalide : lettres, chiffres, _ et - seulement (64 au plus).',
        refused: 'Valeur refusée : choisissez-en une autre.',
      },
    },
    sources: {
      branch: 'Agence',
      phone: 'Téléphone',
      web: 'Internet',
      campaign: 'Campagne',
    } as const satisfies Labels<Opportunity['source']>,
    /** The product list's groups. */
    families: {
      loan: 'Prêts',
      savings: 'Épargne',
      insurance: 'Assurances',
      account: 'Comptes',
      card: 'Cartes',
    } as const satisfies Labels<Opportunity['family']>,
  },
} as const;
