/**
 * The simulator's form: the loan product (the catalogue's loans, named in the user's language),
 * the project's price and the down payment in euros as the advisor types them (« 15 000 »,
 * « 15000,50 »), the duration in months with the product's bounds, the borrower's insurance
 * (ticked by default; ticked and locked when the product requires it) and the customer's profile
 * (kind, segment, birth date). Every field is checked at once before anything is sent, with the
 * product's bounds in the messages; the API's 400 field errors show on their fields too, in the
 * form's words; the first field in error takes the focus. Any other failure shows as an alert.
 */
import { type FormEvent, useEffect } from 'react';
import type { Customer } from '#schemas/customers/customer.ts';
import type { LoanSimulationRequest } from '#schemas/sales/loan-simulation.ts';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import { EurosInput } from '#web/src/features/sales/components/euros-input.tsx';
import { useSalesTranslation } from '#web/src/features/sales/i18n.ts';
import {
  apiFieldErrors,
  checkSimulation,
  type FieldError,
  type FormValues,
  fieldIds,
  initialValues,
  type LoanProduct,
  type SimulationField,
  simulationFields,
  takesInsurance,
} from '#web/src/features/sales/utils/simulation-form.ts';
import { ApiError } from '#web/src/lib/api-client.ts';
import { useLocale } from '#web/src/lib/i18n.ts';
import '#web/src/features/sales/sales.css';
import { useCheckedForm } from './checked-form.ts';
import { ProductField } from './product-field.tsx';

type CustomerKind = Customer['kind'];
type Segment = Customer['segment'];

const kinds: readonly CustomerKind[] = ['individual', 'professional', 'prospect'];
const segments: readonly Segment[] = ['mass_market', 'affluent', 'private_banking', 'professional', 'young'];

/** The fields whose errors go once another one changes: the amount lent is the price less the down payment. */
const clearedBy: Partial<Record<keyof FormValues, readonly SimulationField[]>> = {
  productCode: ['product', 'project', 'months', 'insurance'],
  project: ['project', 'downPayment'],
  downPayment: ['project', 'downPayment'],
  months: ['months'],
  withInsurance: ['insurance'],
  kind: ['kind'],
  segment: ['segment'],
  birthDate: ['birthDate'],
};

export type SimulatorFormProps = {
  /** The catalogue's loans, in its order. */
  loans: readonly LoanProduct[];
  pending: boolean;
  /** The last simulation's failure, if it failed. */
  error: unknown;
  onSimulate: (request: LoanSimulationRequest, product: LoanProduct) => void;
};

export const SimulatorForm = ({ loans, pending, error, onSimulate }: SimulatorFormProps) => {
  const { t } = useSalesTranslation();
  const { lang, format } = useLocale();
  const { values, set, errors, clearErrors, refuse } = useCheckedForm<
    FormValues,
    SimulationField,
    FieldError
  >({
    initial: () => initialValues(loans[0]?.code),
    fields: simulationFields,
    fieldIds,
    clearedBy,
  });
  const product = loans.find((loan) => loan.code === values.productCode);
  const loan = product?.loan;

  // The API's refusal of fields the form shows: on those fields, in the form's words.
  const refused = error instanceof ApiError && error.status === 400 ? error.problem?.errors : undefined;
  const fromApi = apiFieldErrors(refused ?? []);
  useEffect(() => {
    if (!(error instanceof ApiError && error.status === 400)) return;
    refuse(apiFieldErrors(error.problem?.errors ?? []).errors);
  }, [error, refuse]);

  /** Whole euros when the amount is, else with its cents. */
  const euros = (cents: number) =>
    cents % 100 === 0 ? format.money(cents / 100) : format.moneyCents(cents / 100);

  const messageOf = (field: SimulationField, problem: FieldError | undefined): string | undefined => {
    switch (problem) {
      case undefined:
        return undefined;
      case 'required':
        return field === 'product'
          ? t('form.errors.productRequired')
          : field === 'months'
            ? t('form.errors.monthsRequired')
            : t('form.errors.projectRequired');
      case 'amount':
        return t('form.errors.amount');
      case 'positive':
        return t('form.errors.positive');
      case 'belowProject':
        return t('form.errors.belowProject');
      case 'lent':
        return loan
          ? t('form.errors.lent', { min: euros(loan.minAmountCents), max: euros(loan.maxAmountCents) })
          : t('form.errors.amount');
      case 'months':
        return t('form.errors.months');
      case 'duration':
        return loan
          ? t('form.errors.duration', { min: loan.minMonths, max: loan.maxMonths })
          : t('form.errors.months');
      case 'insurance':
        return t('form.errors.insurance');
      case 'notLoan':
        return t('form.errors.notLoan');
      case 'birthDate':
        return t('form.errors.birthDate');
      case 'refused':
        return t('form.errors.refused');
    }
  };
  const errorOf = (field: SimulationField) => {
    const message = messageOf(field, errors[field]);
    return message ? { error: message } : {};
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const checked = checkSimulation(values, product, lang);
    if (!checked.ok) {
      refuse(checked.errors);
      return;
    }
    clearErrors();
    onSimulate(checked.request, checked.product);
  };

  const insuranceRequired = loan?.insurance.required === true;
  const insuranceRate = loan ? format.number(loan.insurance.annualRatePercent) : '';
  const insuranceError = messageOf('insurance', errors.insurance);
  const insuranceHintId = `${fieldIds.insurance}-hint`;
  const insuranceErrorId = `${fieldIds.insurance}-error`;
  // A refusal the fields do not show (another 400, a 404, the API out of reach) goes in an alert.
  const alert =
    error && !(error instanceof ApiError && error.status === 400 && refused?.length && !fromApi.unmapped);
  const today = new Date().toISOString().slice(0, 10);

  return (
    <form className="card sales-form" onSubmit={submit} noValidate aria-labelledby="sales-form-title">
      <h2 id="sales-form-title">{t('form.title')}</h2>
      <ProductField
        id={fieldIds.product}
        label={t('form.product')}
        lang={lang}
        value={values.productCode}
        onChange={(code) => set('productCode', code)}
        error={errorOf('product').error}
        products={loans}
      />
      <FormField
        id={fieldIds.project}
        label={t('form.project')}
        {...(loan
          ? {
              hint: t('form.projectHint', {
                min: euros(loan.minAmountCents),
                max: euros(loan.maxAmountCents),
              }),
            }
          : {})}
        {...errorOf('project')}
      >
        {(control) => (
          <EurosInput control={control} value={values.project} onChange={(value) => set('project', value)} />
        )}
      </FormField>
      <FormField
        id={fieldIds.downPayment}
        label={t('form.downPayment')}
        hint={t('form.downPaymentHint')}
        {...errorOf('downPayment')}
      >
        {(control) => (
          <EurosInput
            control={control}
            value={values.downPayment}
            onChange={(value) => set('downPayment', value)}
          />
        )}
      </FormField>
      <FormField
        id={fieldIds.months}
        label={t('form.months')}
        {...(loan ? { hint: t('form.monthsHint', { min: loan.minMonths, max: loan.maxMonths }) } : {})}
        {...errorOf('months')}
      >
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            autoComplete="off"
            value={values.months}
            onChange={(e) => set('months', e.target.value)}
          />
        )}
      </FormField>
      <div className={`field sales-checkbox${insuranceError ? ' field-invalid' : ''}`}>
        <div className="sales-checkbox-row">
          <input
            type="checkbox"
            id={fieldIds.insurance}
            name={fieldIds.insurance}
            checked={takesInsurance(values, product)}
            disabled={insuranceRequired}
            aria-invalid={Boolean(insuranceError)}
            aria-describedby={
              [insuranceError ? insuranceErrorId : '', loan ? insuranceHintId : '']
                .filter(Boolean)
                .join(' ') || undefined
            }
            onChange={(e) => set('withInsurance', e.target.checked)}
          />
          <label htmlFor={fieldIds.insurance}>{t('form.insurance')}</label>
        </div>
        {loan ? (
          <p className="field-hint" id={insuranceHintId}>
            {insuranceRequired
              ? t('form.insuranceRequired', { rate: insuranceRate })
              : t('form.insuranceHint', { rate: insuranceRate })}
          </p>
        ) : null}
        {insuranceError ? (
          <p className="field-error" id={insuranceErrorId}>
            {insuranceError}
          </p>
        ) : null}
      </div>
      <fieldset className="sales-customer" aria-describedby="sales-customer-hint">
        <legend>{t('form.customer')}</legend>
        <p className="field-hint" id="sales-customer-hint">
          {t('form.customerHint')}
        </p>
        <div className="field-row">
          <FormField id={fieldIds.kind} label={t('form.kind')} {...errorOf('kind')}>
            {(control) => (
              <select
                {...control}
                value={values.kind}
                onChange={(e) => set('kind', e.target.value as CustomerKind)}
              >
                {kinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={fieldIds.segment} label={t('form.segment')} {...errorOf('segment')}>
            {(control) => (
              <select
                {...control}
                value={values.segment}
                onChange={(e) => set('segment', e.target.value as Segment)}
              >
                {segments.map((segment) => (
                  <option key={segment} value={segment}>
                    {t(`common:segments.${segment}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField
          id={fieldIds.birthDate}
          label={t('form.birthDate')}
          hint={t('form.birthDateHint')}
          {...errorOf('birthDate')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              max={today}
              value={values.birthDate}
              onChange={(e) => set('birthDate', e.target.value)}
            />
          )}
        </FormField>
      </fieldset>
      {alert ? <ErrorAlert error={error} focus /> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('form.submitting') : t('form.submit')}
        </button>
      </div>
    </form>
  );
};
