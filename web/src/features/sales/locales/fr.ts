/** French messages of the loan simulator: the `sales` namespace. */
import type { Customer } from '#schemas/customers/customer.ts';
import type { LoanSimulation } from '#schemas/sales/loan-simulation.ts';

type Labels<K extends string> = Record<K, string>;
type Ineligibility = LoanSimulation['ineligibilities'][number];

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
} as const;
