/**
 * A simulation's result, in the user's language and number formats: what was simulated, the
 * monthly payment with and without the borrower's insurance, the nominal rate and the TAEG, the
 * totals (interest, insurance, fees, cost of the credit, amount due); the TAEG against the usury
 * ceiling in words (below it, above it: the offer cannot be made, or no ceiling known yet for the
 * quarter, or none for business loans); and why this customer may not take the product, if so.
 * Its heading takes the focus (`headingRef`) once a simulation comes.
 */
import type { Ref } from 'react';
import type { LoanSimulation } from '#schemas/sales/loan-simulation.ts';
import { useSalesTranslation } from '#web/src/features/sales/i18n.ts';
import type { LoanProduct } from '#web/src/features/sales/utils/simulation-form.ts';
import { useLocale } from '#web/src/lib/i18n.ts';
import '#web/src/features/sales/sales.css';

export type SimulationResultProps = {
  simulation: LoanSimulation;
  /** The product simulated (its name, its age bounds). */
  product: LoanProduct;
  headingRef?: Ref<HTMLHeadingElement>;
};

const Figure = ({
  label,
  value,
  keyFigure = false,
}: {
  label: string;
  value: string;
  keyFigure?: boolean;
}) => (
  <div className={keyFigure ? 'sales-figure sales-figure-key' : 'sales-figure'}>
    <dt>{label}</dt>
    <dd>{value}</dd>
  </div>
);

/** The TAEG against the usury ceiling, in words. */
const UsuryVerdict = ({ usury }: { usury: LoanSimulation['usury'] }) => {
  const { t } = useSalesTranslation();
  const { format } = useLocale();
  switch (usury.status) {
    case 'within':
      return (
        <p className="notice notice-success sales-usury">
          {t('result.usury.within', {
            ceiling: format.number(usury.ceilingPercent),
            quarter: format.date(usury.quarter),
          })}
        </p>
      );
    case 'above':
      return (
        <div className="alert alert-error sales-usury">
          <p className="alert-title">{t('result.usury.aboveTitle')}</p>
          <p>
            {t('result.usury.above', {
              ceiling: format.number(usury.ceilingPercent),
              quarter: format.date(usury.quarter),
            })}
          </p>
        </div>
      );
    case 'unknown':
      return (
        <div className="alert alert-warning sales-usury">
          <p className="alert-title">{t('result.usury.unknownTitle')}</p>
          <p>{t('result.usury.unknown', { quarter: format.date(usury.newestQuarter) })}</p>
        </div>
      );
    case 'notApplicable':
      return <p className="notice notice-info sales-usury">{t('result.usury.notApplicable')}</p>;
  }
};

/** Why the customer may not take the product, with the product's ages and kinds of customer. */
const Ineligibilities = ({ simulation, product }: { simulation: LoanSimulation; product: LoanProduct }) => {
  const { t } = useSalesTranslation();
  if (simulation.ineligibilities.length === 0) return null;
  const { customerKinds, minAge, maxAge } = product.eligibility;
  const reason = (why: LoanSimulation['ineligibilities'][number]) => {
    switch (why) {
      case 'customerKind':
        return t('result.ineligibilities.customerKind', {
          kinds: customerKinds.map((kind) => t(`kinds.${kind}`)),
        });
      case 'tooYoung':
        return minAge === undefined
          ? t('result.ineligibilities.tooYoung')
          : `${t('result.ineligibilities.tooYoung')} ${t('result.minAge', { age: minAge })}`;
      case 'tooOld':
        return maxAge === undefined
          ? t('result.ineligibilities.tooOld')
          : `${t('result.ineligibilities.tooOld')} ${t('result.maxAge', { age: maxAge })}`;
    }
  };
  return (
    <div className="alert alert-warning sales-ineligible">
      <p className="alert-title">{t('result.ineligibleTitle')}</p>
      <ul>
        {simulation.ineligibilities.map((why) => (
          <li key={why}>{reason(why)}</li>
        ))}
      </ul>
    </div>
  );
};

export const SimulationResult = ({ simulation, product, headingRef }: SimulationResultProps) => {
  const { t } = useSalesTranslation();
  const { lang, format } = useLocale();
  const money = (cents: number) => format.moneyCents(cents / 100);
  const percent = (value: number) => t('result.percent', { value: format.number(value) });
  const insured = simulation.insuranceAnnualRatePercent > 0 || simulation.monthlyInsuranceCents > 0;
  return (
    <section className="card sales-result" aria-labelledby="sales-result-title">
      <h2 id="sales-result-title" tabIndex={-1} ref={headingRef}>
        {t('result.title')}
      </h2>
      <p className="sales-result-summary">
        {t('result.summary', {
          product: product.name[lang],
          amount: money(simulation.principalCents),
          months: simulation.months,
        })}
      </p>
      <dl className="sales-figures" aria-label={t('result.figures')}>
        {insured ? (
          <Figure
            keyFigure
            label={t('result.monthlyWithInsurance')}
            value={money(simulation.monthlyPaymentCents + simulation.monthlyInsuranceCents)}
          />
        ) : null}
        <Figure keyFigure label={t('result.monthly')} value={money(simulation.monthlyPaymentCents)} />
        <Figure keyFigure label={t('result.taeg')} value={percent(simulation.taegPercent)} />
        <Figure label={t('result.rate')} value={percent(simulation.annualRatePercent)} />
        <Figure label={t('result.totalInterest')} value={money(simulation.totalInterestCents)} />
        <Figure
          label={t('result.totalInsurance')}
          value={insured ? money(simulation.totalInsuranceCents) : t('result.withoutInsurance')}
        />
        <Figure label={t('result.fees')} value={money(simulation.feesCents)} />
        <Figure label={t('result.totalCost')} value={money(simulation.totalCostCents)} />
        <Figure label={t('result.totalDue')} value={money(simulation.totalDueCents)} />
      </dl>
      <UsuryVerdict usury={simulation.usury} />
      <Ineligibilities simulation={simulation} product={product} />
    </section>
  );
};
