/**
 * The customer's open deals on their file (« Affaires en cours »), soonest to close first as the
 * file lists them: each with its title, amount, stage, win probability and expected closing day,
 * and a link to the pipeline. Under them, « Ouvrir une affaire » discloses the form that opens
 * one (`OpenDealForm`, loaded then); once opened, the page reads the file again (`refresh`), the
 * form closes, the new deal is announced and takes the focus. The page shows this card only to the roles the
 * file lists deals to (its `openOpportunities`), which are the roles that may open one.
 */
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Opportunity, OpportunitySummary } from '#schemas/sales/opportunity.ts';
import { EmptyState, Loading } from '#web/src/components/ui/status.tsx';
import { useSalesTranslation } from '#web/src/features/sales/i18n.ts';
import { useLocale } from '#web/src/lib/i18n.ts';
import '#web/src/features/sales/sales.css';

/** The form is loaded the first time it is disclosed: most visits of a file open no deal. */
const OpenDealForm = lazy(() =>
  import('./open-deal-form.tsx').then(({ OpenDealForm }) => ({ default: OpenDealForm })),
);

/** The DOM id of a deal on the file: the focus goes to it once opened. */
export const customerDealDomId = (dealId: string) => `customer-deal-${dealId}`;

export type CustomerDealsProps = {
  customerId: string;
  /** The open deals, as the file lists them. */
  deals: readonly OpportunitySummary[];
  /** Reads the deals again once one is opened (the page's file); awaited before the form closes. */
  refresh?: (deal: Opportunity) => Promise<unknown> | undefined;
};

const DealItem = ({ deal }: { deal: OpportunitySummary }) => {
  const { t } = useSalesTranslation();
  const { format } = useLocale();
  const titleId = useId();
  return (
    <li className="customer-deal">
      <article id={customerDealDomId(deal.id)} tabIndex={-1} aria-labelledby={titleId}>
        <h3 id={titleId} className="customer-deal-title">
          {deal.title}
        </h3>
        <dl className="customer-deal-facts">
          <div>
            <dt>{t('deals.amount')}</dt>
            <dd className="customer-deal-amount">{format.moneyCents(deal.amountCents / 100)}</dd>
          </div>
          <div>
            <dt>{t('deals.stage')}</dt>
            <dd>{t(`pipeline.stages.${deal.stage}`)}</dd>
          </div>
          <div>
            <dt>{t('deals.probability')}</dt>
            <dd>{t('pipeline.card.percent', { value: format.number(deal.probabilityPercent) })}</dd>
          </div>
          <div>
            <dt>{t('deals.expected')}</dt>
            <dd>{format.date(deal.expectedCloseOn)}</dd>
          </div>
        </dl>
        <Link to="/pipeline" className="customer-deal-link" aria-describedby={titleId}>
          {t('deals.toPipeline')}
        </Link>
      </article>
    </li>
  );
};

export const CustomerDeals = ({ customerId, deals, refresh }: CustomerDealsProps) => {
  const { t } = useSalesTranslation();
  const headingId = useId();
  const formId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const [formShown, setFormShown] = useState(false);
  /** The deal just opened: announced, and focused once the list shows it. */
  const [opened, setOpened] = useState<Opportunity | undefined>();
  const [focusPending, setFocusPending] = useState(false);

  useEffect(() => {
    if (!focusPending || !opened || !deals.some((deal) => deal.id === opened.id)) return;
    document.getElementById(customerDealDomId(opened.id))?.focus();
    setFocusPending(false);
  }, [focusPending, opened, deals]);

  const close = () => {
    setFormShown(false);
    toggle.current?.focus();
  };

  return (
    <section className="card customer-deals" aria-labelledby={headingId}>
      <div className="customer-deals-head">
        <h2 id={headingId}>{t('deals.title')}</h2>
        {deals.length > 0 ? <p className="muted">{t('pipeline.count', { count: deals.length })}</p> : null}
      </div>
      {deals.length === 0 ? (
        <EmptyState title={t('deals.empty')} />
      ) : (
        <ul className="customer-deals-list" aria-labelledby={headingId}>
          {deals.map((deal) => (
            <DealItem key={deal.id} deal={deal} />
          ))}
        </ul>
      )}
      <div className="customer-deals-live" role="status">
        {opened ? (
          <p className="notice notice-success">
            {t('deals.open.opened', { title: opened.title, where: t(`pipeline.where.${opened.stage}`) })}
          </p>
        ) : null}
      </div>
      <button
        ref={toggle}
        type="button"
        className="button button-secondary customer-deals-toggle"
        aria-expanded={formShown}
        aria-controls={formId}
        onClick={() => {
          setOpened(undefined);
          setFormShown((shown) => !shown);
        }}
      >
        {t('deals.open.toggle')}
      </button>
      <div id={formId} className="customer-deals-form" hidden={!formShown}>
        {formShown ? (
          <Suspense fallback={<Loading label={t('deals.open.loadingForm')} />}>
            <OpenDealForm
              customerId={customerId}
              {...(refresh ? { refresh } : {})}
              onOpened={(deal) => {
                close();
                setOpened(deal);
                setFocusPending(true);
              }}
              onCancel={close}
            />
          </Suspense>
        ) : null}
      </div>
    </section>
  );
};
