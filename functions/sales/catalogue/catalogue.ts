/**
 * The bank's product catalogue: what an advisor may offer, to whom, and at what price. The codes are
 * those of the customers' holdings (the demo bank's seed takes its products from here). The figures
 * are the demo bank's pricing policy, not market data: a bank sets its own grid, fees and insurance
 * rates, and its product team keeps them here; the rates of regulated savings (Livret A, LDDS, LEP,
 * PEL) are set by the State and must follow each revision.
 */
import type { LoanParameters, Product } from '#schemas/sales/product.ts';

const euros = (amount: number) => Math.round(amount * 100);

type Eligibility = Product['eligibility'];
const individuals: Eligibility = { customerKinds: ['individual', 'prospect'] };
const professionals: Eligibility = { customerKinds: ['professional'] };
const adults: Eligibility = { ...individuals, minAge: 18 };

/** Neither a loan nor a savings product: an account, a card or an insurance contract with its monthly price. */
const held = (
  code: string,
  family: 'account' | 'card' | 'insurance',
  name: Product['name'],
  description: Product['description'],
  monthlyFee: number,
  eligibility: Eligibility = individuals,
): Product => ({ code, family, name, description, eligibility, monthlyFeeCents: euros(monthlyFee) });

const loan = (
  code: string,
  name: Product['name'],
  description: Product['description'],
  eligibility: Eligibility,
  parameters: LoanParameters,
): Product => ({ code, family: 'loan', name, description, eligibility, loan: parameters });

const savings = (
  code: string,
  name: Product['name'],
  description: Product['description'],
  parameters: { rate: number; ceiling?: number; regulated: boolean },
  eligibility: Eligibility = individuals,
): Product => ({
  code,
  family: 'savings',
  name,
  description,
  eligibility,
  savings: {
    annualRatePercent: parameters.rate,
    regulated: parameters.regulated,
    ...(parameters.ceiling === undefined ? {} : { ceilingCents: euros(parameters.ceiling) }),
  },
});

/** A savings product invested on the markets: no rate to project, the return is not known in advance. */
const investment = (code: string, name: Product['name'], description: Product['description']): Product => ({
  code,
  family: 'savings',
  name,
  description,
  eligibility: adults,
});

export const catalogue: readonly Product[] = [
  held(
    'compte-courant',
    'account',
    { fr: 'Compte courant', en: 'Current account' },
    { fr: 'Compte de dépôt avec carte et banque en ligne', en: 'Deposit account with online banking' },
    2,
  ),
  held(
    'compte-joint',
    'account',
    { fr: 'Compte joint', en: 'Joint account' },
    { fr: 'Compte de dépôt à deux titulaires', en: 'Deposit account held by two people' },
    2,
  ),
  held(
    'compte-pro',
    'account',
    { fr: 'Compte courant professionnel', en: 'Business current account' },
    { fr: 'Compte des encaissements et paiements de l’activité', en: 'The business’s receipts and payments' },
    15,
    professionals,
  ),
  held(
    'carte-visa-classic',
    'card',
    { fr: 'Carte Visa Classic', en: 'Visa Classic card' },
    { fr: 'Paiements et retraits, débit immédiat ou différé', en: 'Payments and withdrawals' },
    3.5,
  ),
  held(
    'carte-visa-premier',
    'card',
    { fr: 'Carte Visa Premier', en: 'Visa Premier card' },
    { fr: 'Plafonds relevés, assurances voyage', en: 'Higher limits, travel insurance' },
    11,
  ),
  held(
    'carte-visa-infinite',
    'card',
    { fr: 'Carte Visa Infinite', en: 'Visa Infinite card' },
    { fr: 'Plafonds et services haut de gamme', en: 'Top-tier limits and services' },
    27.5,
  ),
  held(
    'carte-visa-business',
    'card',
    { fr: 'Carte Visa Business', en: 'Visa Business card' },
    { fr: 'Dépenses professionnelles séparées', en: 'Business expenses kept apart' },
    6,
    professionals,
  ),
  savings(
    'livret-a',
    { fr: 'Livret A', en: 'Livret A savings account' },
    { fr: 'Épargne réglementée, disponible, exonérée d’impôt', en: 'Regulated tax-free savings' },
    { rate: 1.7, ceiling: 22_950, regulated: true },
  ),
  savings(
    'ldds',
    { fr: 'Livret de développement durable et solidaire (LDDS)', en: 'LDDS savings account' },
    { fr: 'Épargne réglementée, disponible, exonérée d’impôt', en: 'Regulated tax-free savings' },
    { rate: 1.7, ceiling: 12_000, regulated: true },
  ),
  savings(
    'lep',
    { fr: 'Livret d’épargne populaire (LEP)', en: 'LEP savings account' },
    { fr: 'Épargne réglementée réservée aux revenus modestes', en: 'Regulated savings for modest incomes' },
    { rate: 2.7, ceiling: 10_000, regulated: true },
  ),
  savings(
    'livret-jeune',
    { fr: 'Livret Jeune', en: 'Youth savings account' },
    { fr: 'Épargne des 12–25 ans, taux au moins celui du Livret A', en: 'Savings for ages 12 to 25' },
    { rate: 2, ceiling: 1_600, regulated: false },
    { ...individuals, minAge: 12, maxAge: 25 },
  ),
  savings(
    'pel',
    { fr: 'Plan d’épargne logement (PEL)', en: 'Home savings plan (PEL)' },
    { fr: 'Épargne bloquée au moins 4 ans, taux fixé à l’ouverture', en: 'Locked for 4 years or more' },
    { rate: 1.75, ceiling: 61_200, regulated: true },
  ),
  savings(
    'assurance-vie',
    { fr: 'Assurance vie', en: 'Life insurance' },
    {
      fr: 'Fonds en euros : rendement de l’an passé, non garanti pour l’avenir',
      en: 'Euro fund: last year’s return, not guaranteed',
    },
    { rate: 2.5, regulated: false },
    adults,
  ),
  investment(
    'pea',
    { fr: 'Plan d’épargne en actions (PEA)', en: 'Equity savings plan (PEA)' },
    {
      fr: 'Actions européennes, fiscalité allégée après 5 ans',
      en: 'European shares, lighter tax after 5 years',
    },
  ),
  investment(
    'per',
    { fr: 'Plan d’épargne retraite (PER)', en: 'Retirement savings plan (PER)' },
    { fr: 'Épargne bloquée jusqu’à la retraite, versements déductibles', en: 'Locked until retirement' },
  ),
  investment(
    'compte-titres',
    { fr: 'Compte-titres ordinaire', en: 'Securities account' },
    { fr: 'Tous titres cotés, sans plafond', en: 'Any listed securities, no ceiling' },
  ),
  loan(
    'pret-conso',
    { fr: 'Prêt personnel', en: 'Personal loan' },
    { fr: 'Crédit à la consommation sans justificatif d’achat', en: 'Consumer credit, any purpose' },
    adults,
    {
      kind: 'consumer',
      minAmountCents: euros(1_000),
      maxAmountCents: euros(75_000),
      minMonths: 12,
      maxMonths: 84,
      rateGrid: [
        { upToMonths: 24, annualRatePercent: 4.9 },
        { upToMonths: 48, annualRatePercent: 5.4 },
        { upToMonths: 84, annualRatePercent: 5.9 },
      ],
      smallAmount: { belowCents: euros(3_000), addPercent: 1.5 },
      segmentDiscountPercent: { affluent: 0.2, private_banking: 0.4 },
      fees: { percentOfAmount: 1, minCents: 0, maxCents: euros(150) },
      insurance: { annualRatePercent: 0.3, required: false },
    },
  ),
  loan(
    'pret-auto',
    { fr: 'Crédit auto', en: 'Car loan' },
    { fr: 'Financement d’un véhicule neuf ou d’occasion', en: 'Financing a new or used vehicle' },
    adults,
    {
      kind: 'car',
      minAmountCents: euros(3_000),
      maxAmountCents: euros(75_000),
      minMonths: 12,
      maxMonths: 84,
      rateGrid: [
        { upToMonths: 36, annualRatePercent: 4.4 },
        { upToMonths: 60, annualRatePercent: 4.8 },
        { upToMonths: 84, annualRatePercent: 5.2 },
      ],
      segmentDiscountPercent: { affluent: 0.2, private_banking: 0.4 },
      fees: { percentOfAmount: 0, minCents: 0, maxCents: 0 },
      insurance: { annualRatePercent: 0.3, required: false },
    },
  ),
  loan(
    'pret-etudiant',
    { fr: 'Prêt étudiant', en: 'Student loan' },
    { fr: 'Études supérieures, remboursement après les études', en: 'Higher education' },
    { ...individuals, minAge: 18, maxAge: 28 },
    {
      kind: 'student',
      minAmountCents: euros(1_000),
      maxAmountCents: euros(45_000),
      minMonths: 12,
      maxMonths: 120,
      rateGrid: [
        { upToMonths: 60, annualRatePercent: 1.9 },
        { upToMonths: 120, annualRatePercent: 2.4 },
      ],
      segmentDiscountPercent: {},
      fees: { percentOfAmount: 0, minCents: 0, maxCents: 0 },
      insurance: { annualRatePercent: 0.1, required: true },
    },
  ),
  loan(
    'pret-immo',
    { fr: 'Prêt immobilier', en: 'Mortgage' },
    { fr: 'Achat de la résidence principale ou secondaire, taux fixe', en: 'Home purchase, fixed rate' },
    { ...adults, maxAge: 70 },
    {
      kind: 'mortgage',
      minAmountCents: euros(30_000),
      maxAmountCents: euros(1_500_000),
      minMonths: 60,
      maxMonths: 300,
      rateGrid: [
        { upToMonths: 120, annualRatePercent: 3.05 },
        { upToMonths: 180, annualRatePercent: 3.2 },
        { upToMonths: 240, annualRatePercent: 3.3 },
        { upToMonths: 300, annualRatePercent: 3.45 },
      ],
      segmentDiscountPercent: { affluent: 0.1, private_banking: 0.25, young: 0.1 },
      fees: { percentOfAmount: 1, minCents: euros(500), maxCents: euros(1_500) },
      insurance: { annualRatePercent: 0.34, required: true },
    },
  ),
  loan(
    'pret-pro',
    { fr: 'Prêt professionnel', en: 'Business loan' },
    { fr: 'Équipement et développement de l’activité', en: 'Equipment and growth' },
    professionals,
    {
      kind: 'professional',
      minAmountCents: euros(5_000),
      maxAmountCents: euros(500_000),
      minMonths: 12,
      maxMonths: 84,
      rateGrid: [
        { upToMonths: 36, annualRatePercent: 4.6 },
        { upToMonths: 84, annualRatePercent: 5 },
      ],
      segmentDiscountPercent: {},
      fees: { percentOfAmount: 1, minCents: euros(300), maxCents: euros(3_000) },
      insurance: { annualRatePercent: 0.4, required: true },
    },
  ),
  held(
    'mrh',
    'insurance',
    { fr: 'Assurance multirisque habitation', en: 'Home insurance' },
    { fr: 'Logement, responsabilité civile, biens', en: 'Home, liability and belongings' },
    15,
  ),
  held(
    'auto',
    'insurance',
    { fr: 'Assurance auto', en: 'Car insurance' },
    { fr: 'Tiers ou tous risques', en: 'Third party or comprehensive' },
    45,
    adults,
  ),
  held(
    'prevoyance',
    'insurance',
    { fr: 'Prévoyance décès-invalidité', en: 'Death and disability cover' },
    { fr: 'Capital ou rente pour les proches', en: 'A lump sum or income for the family' },
    12,
    adults,
  ),
  held(
    'sante',
    'insurance',
    { fr: 'Complémentaire santé', en: 'Health insurance' },
    { fr: 'En complément de l’Assurance maladie', en: 'On top of the national health cover' },
    60,
  ),
  held(
    'rc-pro',
    'insurance',
    { fr: 'Responsabilité civile professionnelle', en: 'Professional liability insurance' },
    { fr: 'Dommages causés aux clients et aux tiers', en: 'Harm caused to clients and others' },
    25,
    professionals,
  ),
];

/** The catalogue's product of that code, if any. */
export const productByCode = (code: string): Product | undefined =>
  catalogue.find((product) => product.code === code);
