/**
 * The loan simulator's form: what its fields hold as typed, the check of every field at once
 * against the chosen product's bounds before anything is sent (the API checks again), the request
 * it makes, and the form's field each of the API's 400 field errors is about. Errors are codes:
 * the form words them in the user's language with the product's bounds, so they follow a switch
 * of language.
 */
import type { Customer } from '#schemas/customers/customer.ts';
import type { LoanSimulationRequest } from '#schemas/sales/loan-simulation.ts';
import type { LoanParameters, Product } from '#schemas/sales/product.ts';
import { parseEurosToCents, parseMonths } from '#web/src/features/sales/utils/amounts.ts';
import type { Lang } from '#web/src/lib/i18n.ts';

/** A product the simulator can price: a loan, with its parameters. */
export type LoanProduct = Product & { loan: LoanParameters };

export const isLoan = (product: Product): product is LoanProduct =>
  product.family === 'loan' && !!product.loan;

export type SimulationField =
  | 'product'
  | 'project'
  | 'downPayment'
  | 'months'
  | 'insurance'
  | 'kind'
  | 'segment'
  | 'birthDate';

/** The fields in the order the form shows them (the first in error takes the focus). */
export const simulationFields: readonly SimulationField[] = [
  'product',
  'project',
  'downPayment',
  'months',
  'insurance',
  'kind',
  'segment',
  'birthDate',
];

/** The id of each field's control. */
export const fieldIds: Record<SimulationField, string> = {
  product: 'sales-product',
  project: 'sales-project',
  downPayment: 'sales-down-payment',
  months: 'sales-months',
  insurance: 'sales-insurance',
  kind: 'sales-customer-kind',
  segment: 'sales-customer-segment',
  birthDate: 'sales-birth-date',
};

/**
 * What can be wrong with a field: `required` (nothing typed), `amount` (not an amount in euros),
 * `positive` (a price of zero), `belowProject` (a down payment as large as the price), `lent` (the
 * amount lent outside the product's bounds), `months` (not a whole number of months), `duration`
 * (outside the product's bounds), `insurance` (refused by a product that requires it), `notLoan`
 * (the product cannot be simulated), `birthDate` (not a day of the past), `refused` (the API
 * refused a value it does not say more of).
 */
export type FieldError =
  | 'required'
  | 'amount'
  | 'positive'
  | 'belowProject'
  | 'lent'
  | 'months'
  | 'duration'
  | 'insurance'
  | 'notLoan'
  | 'birthDate'
  | 'refused';

export type FormErrors = Partial<Record<SimulationField, FieldError>>;

export type FormValues = {
  productCode: string;
  /** Euros as typed. */
  project: string;
  /** Euros as typed; empty for none. */
  downPayment: string;
  months: string;
  /** The box as ticked (a product that requires the insurance takes it whatever the box). */
  withInsurance: boolean;
  kind: Customer['kind'];
  segment: Customer['segment'];
  /** `YYYY-MM-DD`, or empty. */
  birthDate: string;
};

export const initialValues = (productCode = ''): FormValues => ({
  productCode,
  project: '',
  downPayment: '',
  months: '',
  withInsurance: true,
  kind: 'individual',
  segment: 'mass_market',
  birthDate: '',
});

/** Whether the borrower's insurance is taken: always when the product requires it. */
export const takesInsurance = (values: FormValues, product: LoanProduct | undefined): boolean =>
  product?.loan.insurance.required === true || values.withInsurance;

/** A real calendar day written `YYYY-MM-DD` (not 2024-02-30). */
const isCalendarDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

const todayIso = (now = new Date()) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

export type CheckResult =
  | { ok: true; request: LoanSimulationRequest; product: LoanProduct }
  | { ok: false; errors: FormErrors };

/** Every problem of the form at once, or the request it makes. */
export const checkSimulation = (
  values: FormValues,
  product: LoanProduct | undefined,
  lang: Lang,
  now = new Date(),
): CheckResult => {
  const errors: FormErrors = {};
  if (!product) errors.product = 'required';

  const projectCents = parseEurosToCents(values.project, lang);
  if (values.project.trim() === '') errors.project = 'required';
  else if (projectCents === undefined) errors.project = 'amount';
  else if (projectCents === 0) errors.project = 'positive';

  const downPaymentCents = values.downPayment.trim() === '' ? 0 : parseEurosToCents(values.downPayment, lang);
  if (downPaymentCents === undefined) errors.downPayment = 'amount';
  else if (projectCents !== undefined && projectCents > 0 && downPaymentCents >= projectCents) {
    errors.downPayment = 'belowProject';
  }

  // The amount lent is the price less the down payment: its bounds are the product's.
  if (product && !errors.project && !errors.downPayment && projectCents && downPaymentCents !== undefined) {
    const lent = projectCents - downPaymentCents;
    if (lent < product.loan.minAmountCents || lent > product.loan.maxAmountCents) errors.project = 'lent';
  }

  const months = parseMonths(values.months);
  if (values.months.trim() === '') errors.months = 'required';
  else if (months === undefined) errors.months = 'months';
  else if (product && (months < product.loan.minMonths || months > product.loan.maxMonths)) {
    errors.months = 'duration';
  }

  if (values.birthDate !== '' && (!isCalendarDate(values.birthDate) || values.birthDate > todayIso(now))) {
    errors.birthDate = 'birthDate';
  }

  if (Object.keys(errors).length > 0 || !product || projectCents === undefined || months === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    product,
    request: {
      productCode: product.code,
      projectCents,
      downPaymentCents: downPaymentCents ?? 0,
      months,
      withInsurance: takesInsurance(values, product),
      customer: {
        kind: values.kind,
        segment: values.segment,
        ...(values.birthDate ? { birthDate: values.birthDate } : {}),
      },
    },
  };
};

/** The form's field each field of the request is, and the error the API's refusal of it means. */
const apiFields: Record<string, { field: SimulationField; error: FieldError }> = {
  productCode: { field: 'product', error: 'notLoan' },
  projectCents: { field: 'project', error: 'lent' },
  downPaymentCents: { field: 'downPayment', error: 'belowProject' },
  months: { field: 'months', error: 'duration' },
  withInsurance: { field: 'insurance', error: 'insurance' },
  'customer.kind': { field: 'kind', error: 'refused' },
  'customer.segment': { field: 'segment', error: 'refused' },
  'customer.birthDate': { field: 'birthDate', error: 'birthDate' },
};

/**
 * The API's 400 field errors as the form's (its English messages are for developers: the form
 * says each in its own words), and whether some named no field of the form.
 */
export const apiFieldErrors = (
  errors: readonly { field: string; message: string }[],
): { errors: FormErrors; unmapped: boolean } => {
  const mapped: FormErrors = {};
  let unmapped = false;
  for (const { field } of errors) {
    const known = Object.hasOwn(apiFields, field) ? apiFields[field] : undefined;
    if (known) mapped[known.field] ??= known.error;
    else unmapped = true;
  }
  return { errors: mapped, unmapped };
};
