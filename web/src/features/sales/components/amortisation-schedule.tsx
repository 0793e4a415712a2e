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

/** The schedule's amounts, in the order the table shows them (each a `<column>Cents` of a line). */
const columns = ['payment', 'interest', 'principal', 'insurance', 'remaining'] as const;

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
                {columns.map((column) => (
                  <th key={column} scope="col" className="numeric">
                    {t(`result.schedule.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {simulation.schedule.map((line) => (
                <tr key={line.month}>
                  <th scope="row" className="numeric">
                    {format.number(line.month)}
                  </th>
                  {columns.map((column) => (
                    <td key={column} className="numeric">
                      {money(line[`${column}Cents`])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </div>
  );
};
