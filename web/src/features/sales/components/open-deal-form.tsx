/**
 * The form that opens a deal for a customer: the product (the whole catalogue, grouped by family,
 * named in the user's language), the amount in euros as the advisor types it (« 15 000 »,
 * « 15 000,50 »), the expected closing day (today or later) and where the deal comes from (a
 * campaign's identifier with « Campagne »). Every field is checked at once before anything is
 * sent; the API's 400 field errors show on their fields too, in the form's words; the first field
 * in error takes the focus. A refused owner (the customer has no advisor to own it) and any other
 * failure show as an alert. One Idempotency-Key per form: sending it twice opens one deal; a new
 * key once it is opened.
 */
import { type FormEvent, useState } from 'react';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import { Loading } from '#web/src/components/ui/status.tsx';
import { useOpenOpportunity } from '#web/src/features/sales/api/opportunities.ts';
import { useProducts } from '#web/src/features/sales/api/products.ts';
import { EurosInput } from '#web/src/features/sales/components/euros-input.tsx';
import { useSalesTranslation } from '#web/src/features/sales/i18n.ts';
import {
  apiDealErrors,
  checkDeal,
  type DealField,
  type DealFieldError,
  type DealSource,
  type DealValues,
  dealFieldIds,
  dealFields,
  dealSources,
  initialDealValues,
  maxAmountCents,
  productsByFamily,
  todayIso,
} from '#web/src/features/sales/utils/deal-form.ts';
import { ApiError } from '#web/src/lib/api-client.ts';
import { useLocale } from '#web/src/lib/i18n.ts';
import '#web/src/features/sales/sales.css';
import { useCheckedForm } from './checked-form.ts';
import { ProductField } from './product-field.tsx';

/** The field whose error goes when a value changes (a new source takes the campaign's too). */
const clearedBy: Record<keyof DealValues, readonly DealField[]> = {
  productCode: ['product'],
  amount: ['amount'],
  expectedCloseOn: ['closeOn'],
  source: ['source', 'campaignId'],
  campaignId: ['campaignId'],
};

/** The alert saying nobody may own the deal: it takes the focus when no field is in error. */
const ownerAlertId = 'deal-owner-refused';

export type OpenDealFormProps = {
  customerId: string;
  /** Awaited once the deal is opened, before the form says so (the page reads the file again). */
  refresh?: (deal: Opportunity) => Promise<unknown> | undefined;
  /** The deal is opened (and `refresh` done). */
  onOpened: (deal: Opportunity) => void;
  onCancel: () => void;
};

export const OpenDealForm = ({ customerId, refresh, onOpened, onCancel }: OpenDealFormProps) => {
  const { t } = useSalesTranslation();
  const { lang, format } = useLocale();
  const products = useProducts();
  const open = useOpenOpportunity(refresh);
  const { values, setValues, set, errors, clearErrors, refuse } = useCheckedForm<
    DealValues,
    DealField,
    DealFieldError
  >({
    initial: initialDealValues,
    fields: dealFields,
    fieldIds: dealFieldIds,
    clearedBy,
    fallbackId: ownerAlertId,
  });
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  const catalogue = products.data?.items ?? [];
  const _product = catalogue.find((item) => item.code === values.productCode);

  const messageOf = (field: DealField, problem: DealFieldError | undefined): string | undefined => {
    switch (problem) {
      case undefined:
        return undefined;
      case 'required':
        return {
          product: t('deals.open.errors.productRequired'),
          amount: t('deals.open.errors.amountRequired'),
          closeOn: t('deals.open.errors.closeOnRequired'),
          source: t('deals.open.errors.sourceRequired'),
          campaignId: t('deals.open.errors.campaignRequired'),
        }[field];
      case 'amount':
        return t('deals.open.errors.amount');
      case 'positive':
        return t('deals.open.errors.positive');
      case 'tooLarge':
        return t('deals.open.errors.tooLarge', { max: format.money(maxAmountCents / 100) });
      case 'date':
        return t('deals.open.errors.closeOn');
      case 'past':
        return t('deals.open.errors.past');
      case 'campaignId':
        return t('deals.open.errors.campaignId');
      case 'refused':
        return field === 'product' ? t('deals.open.errors.productRefused') : t('deals.open.errors.refused');
    }
  };
  const errorOf = (field: DealField) => {
    const message = messageOf(field, errors[field]);
    return message ? { error: message } : {};
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (open.isPending) return;
    const checked = checkDeal(values, catalogue, lang);
    if (!checked.ok) {
      refuse(checked.errors);
      return;
    }
    clearErrors();
    open.mutate(
      { customerId, body: checked.request, idempotencyKey },
      {
        onSuccess: (deal) => {
          setValues(initialDealValues());
          setIdempotencyKey(crypto.randomUUID());
          onOpened(deal);
        },
        onError: (error) => {
          if (!(error instanceof ApiError && error.status === 400)) return;
          refuse(apiDealErrors(error.problem?.errors ?? []).errors);
        },
      },
    );
  };

  if (!products.data) {
    return products.error ? (
      <ErrorAlert error={products.error} onRetry={() => void products.refetch()} />
    ) : (
      <Loading label={t('deals.open.loadingProducts')} />
    );
  }

  // The API's refusal: the fields it names show it; the owner, and anything else, in an alert.
  const refused =
    open.error instanceof ApiError && open.error.status === 400 ? open.error.problem?.errors : [];
  const fromApi = apiDealErrors(refused ?? []);
  const alert = open.error && (!refused?.length || fromApi.unmapped);

  return (
    <form className="deal-form" onSubmit={submit} noValidate aria-labelledby="deal-form-title">
      <h3 id="deal-form-title">{t('deals.open.title')}</h3>
      <ProductField
        id={dealFieldIds.product}
        label={t('deals.open.product')}
        lang={lang}
        value={values.productCode}
        onChange={(code) => set('productCode', code)}
        error={errorOf('product').error}
        placeholder={t('deals.open.chooseProduct')}
        groups={productsByFamily(catalogue).map((group) => ({
          ...group,
          label: t(`deals.families.${group.family}`),
        }))}
      />
      <div className="field-row">
        <FormField
          id={dealFieldIds.amount}
          label={t('deals.open.amount')}
          hint={t('deals.open.amountHint')}
          {...errorOf('amount')}
        >
          {(control) => (
            <EurosInput control={control} value={values.amount} onChange={(value) => set('amount', value)} />
          )}
        </FormField>
        <FormField
          id={dealFieldIds.closeOn}
          label={t('deals.open.closeOn')}
          hint={t('deals.open.closeOnHint')}
          {...errorOf('closeOn')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              min={todayIso()}
              value={values.expectedCloseOn}
              onChange={(e) => set('expectedCloseOn', e.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="field-row">
        <FormField id={dealFieldIds.source} label={t('deals.open.source')} {...errorOf('source')}>
          {(control) => (
            <select
              {...control}
              value={values.source}
              onChange={(e) => set('source', e.target.value as DealSource)}
            >
              {dealSources.map((source) => (
                <option key={source} value={source}>
                  {t(`deals.sources.${source}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {values.source === 'campaign' ? (
          <FormField
            id={dealFieldIds.campaignId}
            label={t('deals.open.campaignId')}
            hint={t('deals.open.campaignIdHint')}
            {...errorOf('campaignId')}
          >
            {(control) => (
              <input
                {...control}
                autoComplete="off"
                maxLength={64}
                value={values.campaignId}
                onChange={(e) => set('campaignId', e.target.value)}
              />
            )}
          </FormField>
        ) : null}
      </div>
      {fromApi.owner ? (
        <div className="alert alert-error" role="alert" id={ownerAlertId} tabIndex={-1}>
          <p className="alert-title">{t('deals.open.ownerTitle')}</p>
          <p>{t('deals.open.owner')}</p>
        </div>
      ) : null}
      {alert ? <ErrorAlert error={open.error} focus /> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={open.isPending}>
          {open.isPending ? t('deals.open.submitting') : t('deals.open.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('deals.open.cancel')}
        </button>
      </div>
    </form>
  );
};
