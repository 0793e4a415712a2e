/**
 * The amortisation schedule of a simulation, behind a disclosure (« Voir le tableau
 * d'amortissement »): a table with its caption, month by month — the payment, its interest and
 * principal, the insurance and the principal still owed. On a phone the table scrolls sideways in
 * its own box, a region named by the caption (browsers let the keyboard scroll it), never the page.
 */
import { useId } from 'react';
import type { LoanSimulation } from '#schemas/sales/loan-simulation.ts';
import { useSalesTranslation } from '#web/src/features/sales/i18n.ts';
import { useLocale } from '#web/src/lib/i18n.ts';
import '#web/src/features/sales/sales.css';

export const AmortisationSchedule = ({ simulation }: { simulation: LoanSimulation }) => {
  const { t } = useSalesTranslation();
  const { format } = useLocale();
  const captionId = useId();
  const money = (cents: number) => format.moneyCents(cents / 100);
  return (
    <div className="card sales-schedule">
      <details>
        <summary>{t('result.schedule.show')}</summary>
        <section className="sales-schedule-scroll" aria-labelledby={captionId}>
          <table className="data-table sales-schedule-table">
            <caption id={captionId}>
              {t('result.schedule.caption', { months: simulation.schedule.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('result.schedule.month')}
                </th>
                <th scope="col" className="numeric">
                  {t('result.schedule.payment')}
                </th>
                <th scope="col" className="numeric">
                  {t('result.schedule.interest')}
                </th>
                <th scope="col" className="numeric">
                  {t('result.schedule.principal')}
                </th>
                <th scope="col" className="numeric">
                  {t('result.schedule.insurance')}
                </th>
                <th scope="col" className="numeric">
                  {t('result.schedule.remaining')}
                </th>
              </tr>
            </thead>
            <tbody>
              {simulation.schedule.map((line) => (
                <tr key={line.month}>
                  <th scope="row" className="numeric">
                    {format.number(line.month)}
                  </th>
                  <td className="numeric">{money(line.paymentCents)}</td>
                  <td className="numeric">{money(line.interestCents)}</td>
                  <td className="numeric">{money(line.principalCents)}</td>
                  <td className="numeric">{money(line.insuranceCents)}</td>
                  <td className="numeric">{money(line.remainingCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </div>
  );
};
