/**
 * The form that opens a deal on a customer's file, pure: what its fields hold as typed, the check
 * of every field at once before anything is sent (the API checks again), the request it makes,
 * and the form's field each of the API's 400 field errors is about. Errors are codes: the form
 * words them in the user's language, so they follow a switch of language.
 */
import type { CreateOpportunityRequest, Opportunity } from '#schemas/sales/opportunity.ts';
import type { Product } from '#schemas/sales/product.ts';
import { parseEurosToCents } from '#web/src/features/sales/utils/amounts.ts';
import type { Lang } from '#web/src/lib/i18n.ts';

export type DealSource = Opportunity['source'];
export type ProductFamily = Product['family'];

/** Where a deal comes from, in the order the form offers them. */
export const dealSources: readonly DealSource[] = ['branch', 'phone', 'web', 'campaign'];

/** The catalogue's families, in the order the product list groups them. */
export const dealFamilies: readonly ProductFamily[] = ['loan', 'savings', 'insurance', 'account', 'card'];

export type DealField = 'product' | 'amount' | 'closeOn' | 'source' | 'campaignId';

/** The fields in the order the form shows them (the first in error takes the focus). */
export const dealFields: readonly DealField[] = ['product', 'amount', 'closeOn', 'source', 'campaignId'];

/** The id of each field's control. */
export const dealFieldIds: Record<DealField, string> = {
  product: 'deal-product',
  amount: 'deal-amount',
  closeOn: 'deal-close-on',
  source: 'deal-source',
  campaignId: 'deal-campaign-id',
};

/**
 * What can be wrong with a field: `required` (nothing chosen or typed), `amount` (not an amount in
 * euros), `positive` (zero), `tooLarge` (beyond what the API takes), `date` (not a calendar day),
 * `past` (a closing day gone by), `campaignId` (not an identifier), `refused` (the API refused a
 * value it does not say more of).
 */
export type DealFieldError =
  | 'required'
  | 'amount'
  | 'positive'
  | 'tooLarge'
  | 'date'
  | 'past'
  | 'campaignId'
  | 'refused';

export type DealErrors = Partial<Record<DealField, DealFieldError>>;

export type DealValues = {
  productCode: string;
  /** Euros as typed. */
  amount: string;
  /** `YYYY-MM-DD`, or empty. */
  expectedCloseOn: string;
  source: DealSource;
  /** Only sent with the campaign source. */
  campaignId: string;
};

export const initialDealValues = (): DealValues => ({
  productCode: '',
  amount: '',
  expectedCloseOn: '',
  source: 'branch',
  campaignId: '',
});

/** The most the API takes, in cents (a billion euros). */
export const maxAmountCents = 100_000_000_000;

/** An identifier as the API takes it (`Id` of `#schemas/common.ts`). */
const isId = (text: string) => /^[A-Za-z0-9_-]{1,64}$/.test(text);

/** A real calendar day written `YYYY-MM-DD` (not 2027-02-30). */
const isCalendarDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** Today in the user's time zone, `YYYY-MM-DD`. */
export const todayIso = (now = new Date()) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** The catalogue grouped by family, in `dealFamilies` order, each family in the catalogue's order. */
export const productsByFamily = (
  products: readonly Product[],
): { family: ProductFamily; products: Product[] }[] =>
  dealFamilies
    .map((family) => ({ family, products: products.filter((product) => product.family === family) }))
    .filter((group) => group.products.length > 0);

export type DealCheck = { ok: true; request: CreateOpportunityRequest } | { ok: false; errors: DealErrors };

/** Every problem of the form at once, or the request it makes. */
export const checkDeal = (
  values: DealValues,
  products: readonly Product[],
  lang: Lang,
  now = new Date(),
): DealCheck => {
  const errors: DealErrors = {};
  const product = products.find((item) => item.code === values.productCode);
  if (!product) errors.product = 'required';

  const amountCents = parseEurosToCents(values.amount, lang);
  if (values.amount.trim() === '') errors.amount = 'required';
  else if (amountCents === undefined) errors.amount = 'amount';
  else if (amountCents === 0) errors.amount = 'positive';
  else if (amountCents > maxAmountCents) errors.amount = 'tooLarge';

  if (values.expectedCloseOn === '') errors.closeOn = 'required';
  else if (!isCalendarDate(values.expectedCloseOn)) errors.closeOn = 'date';
  else if (values.expectedCloseOn < todayIso(now)) errors.closeOn = 'past';

  if (!dealSources.includes(values.source)) errors.source = 'required';

  const campaignId = values.campaignId.trim();
  if (values.source === 'campaign') {
    if (campaignId === '') errors.campaignId = 'required';
    else if (!isId(campaignId)) errors.campaignId = 'campaignId';
  }

  if (Object.keys(errors).length > 0 || !product || amountCents === undefined) return { ok: false, errors };
  return {
    ok: true,
    request: {
      productCode: product.code,
      amountCents,
      expectedCloseOn: values.expectedCloseOn,
      source: values.source,
      ...(values.source === 'campaign' ? { campaignId } : {}),
    },
  };
};

/** The form's field each field of the request is, and the error the API's refusal of it means. */
const apiFields: Record<string, { field: DealField; error: DealFieldError }> = {
  productCode: { field: 'product', error: 'refused' },
  amountCents: { field: 'amount', error: 'amount' },
  expectedCloseOn: { field: 'closeOn', error: 'date' },
  source: { field: 'source', error: 'refused' },
  campaignId: { field: 'campaignId', error: 'campaignId' },
};

/**
 * The API's 400 field errors as the form's (its English messages are for developers: the form
 * says each in its own words); whether the owner was refused (the form has no field for it: the
 * customer has no advisor of their branch to own the deal); and whether some named no field at all.
 */
export const apiDealErrors = (
  errors: readonly { field: string; message: string }[],
): { errors: DealErrors; owner: boolean; unmapped: boolean } => {
  const mapped: DealErrors = {};
  let owner = false;
  let unmapped = false;
  for (const { field } of errors) {
    const known = Object.hasOwn(apiFields, field) ? apiFields[field] : undefined;
    if (known) mapped[known.field] ??= known.error;
    else if (field === 'ownerId') owner = true;
    else unmapped = true;
  }
  return { errors: mapped, owner, unmapped };
};
