/** Consents as a grid: one row per channel, one column per purpose, each cell its state. */
import type { Consent, Consents } from '#schemas/customers/consent.ts';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { labelOf, useLocale } from '#web/src/lib/i18n.ts';
import '#web/src/features/customers/customers.css';

const channels: readonly Consent['channel'][] = ['email', 'sms', 'phone', 'post', 'push'];
const purposes: readonly Consent['purpose'][] = ['marketing', 'profiling'];

export const ConsentsGrid = ({ consents }: { consents: Consents }) => {
  const { t } = useCustomersTranslation();
  const { format } = useLocale();
  const sources = t('enums.source', { returnObjects: true });
  const find = (channel: Consent['channel'], purpose: Consent['purpose']) =>
    consents.items.find((item) => item.channel === channel && item.purpose === purpose);
  return (
    <section className="card" aria-labelledby="consents-title">
      <h2 id="consents-title">{t('customer.consents')}</h2>
      <table className="data-table consents responsive-table">
        <caption className="visually-hidden">{t('customer.consentsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('customer.channel')}</th>
            {purposes.map((purpose) => (
              <th scope="col" key={purpose}>
                {t(`enums.purpose.${purpose}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel}>
              <th scope="row">{t(`enums.channel.${channel}`)}</th>
              {purposes.map((purpose) => {
                const consent = find(channel, purpose);
                if (!consent) {
                  return (
                    <td key={purpose} data-label={t(`enums.purpose.${purpose}`)}>
                      <span className="badge badge-unknown">{t('customer.notCollected')}</span>
                    </td>
                  );
                }
                return (
                  <td key={purpose} data-label={t(`enums.purpose.${purpose}`)}>
                    <span className="consent-cell">
                      <span className={`badge ${consent.granted ? 'badge-yes' : 'badge-no'}`}>
                        {consent.granted ? t('customer.granted') : t('customer.refused')}
                      </span>
                      <span className="consent-meta">
                        {t('customer.consentDetail', {
                          date: format.date(consent.updatedAt),
                          source: labelOf(sources, consent.source),
                        })}
                      </span>
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
