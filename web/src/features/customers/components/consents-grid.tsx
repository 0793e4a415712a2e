/** Consents as a grid: one row per channel, one column per purpose, each cell its state. */
import type { Consent, Consents } from '#schemas/customers/consent.ts';
import { useI18n } from '../../../lib/i18n.ts';

const channels: readonly Consent['channel'][] = ['email', 'sms', 'phone', 'post', 'push'];
const purposes: readonly Consent['purpose'][] = ['marketing', 'profiling'];

export const ConsentsGrid = ({ consents }: { consents: Consents }) => {
  const { t, format } = useI18n();
  const c = t.customer;
  const find = (channel: Consent['channel'], purpose: Consent['purpose']) =>
    consents.items.find((item) => item.channel === channel && item.purpose === purpose);
  return (
    <section className="card" aria-labelledby="consents-title">
      <h2 id="consents-title">{c.consents}</h2>
      <table className="data-table consents responsive-table">
        <caption className="visually-hidden">{c.consentsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.channel}</th>
            {purposes.map((purpose) => (
              <th scope="col" key={purpose}>
                {t.enums.purpose[purpose]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel}>
              <th scope="row">{t.enums.channel[channel]}</th>
              {purposes.map((purpose) => {
                const consent = find(channel, purpose);
                if (!consent) {
                  return (
                    <td key={purpose} data-label={t.enums.purpose[purpose]}>
                      <span className="badge badge-unknown">{c.notCollected}</span>
                    </td>
                  );
                }
                return (
                  <td key={purpose} data-label={t.enums.purpose[purpose]}>
                    <span className="consent-cell">
                      <span className={`badge ${consent.granted ? 'badge-yes' : 'badge-no'}`}>
                        {consent.granted ? c.granted : c.refused}
                      </span>
                      <span className="consent-meta">
                        {c.consentDetail(
                          format.date(consent.updatedAt),
                          t.enums.source[consent.source] ?? consent.source,
                        )}
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
