/** The profile part of the customer file: identity, contact points, banking relationship. */

import type { ReactNode } from 'react';
import type { Customer } from '#schemas/customers/customer.ts';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { formatPhone } from '#web/src/features/customers/utils/phone.ts';
import { useBranchNames } from '#web/src/lib/branches.ts';
import { ageOn, useLocale } from '#web/src/lib/i18n.ts';
import '#web/src/features/customers/customers.css';

export type ProfileCardProps = {
  customer: Customer;
  /** The assigned advisor, as the 360° file names them. */
  advisorName?: string;
  /** The signed-in user's id and name, to say "you" when they are the advisor. */
  viewer?: { sub: string; name: string };
};

/** Lets a long address wrap after the `@` rather than mid-word. */
const EmailText = ({ email }: { email: string }) => {
  const at = email.indexOf('@');
  if (at < 0) return email;
  return (
    <>
      {email.slice(0, at)}
      <wbr />@{email.slice(at + 1)}
    </>
  );
};

const Entry = ({ term, children }: { term: string; children: ReactNode }) => (
  <div className="entry">
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);

export const ProfileCard = ({ customer, advisorName, viewer }: ProfileCardProps) => {
  const { t } = useCustomersTranslation();
  const { format } = useLocale();
  const branches = useBranchNames();
  const none = <span className="muted">{t('customer.none')}</span>;
  const address = customer.address;
  const advisor =
    customer.advisorId === undefined
      ? none
      : customer.advisorId === viewer?.sub
        ? t('customer.advisorIsYou', { name: viewer.name })
        : (advisorName ?? <span className="mono small">{customer.advisorId}</span>);
  return (
    <section className="card profile" aria-labelledby="profile-title">
      <h2 id="profile-title" className="visually-hidden">
        {t('customer.profile')}
      </h2>
      <div className="profile-grid">
        <div>
          <h3>{t('customer.identity')}</h3>
          <dl className="entries">
            <Entry term={t('customer.kind')}>{t(`enums.kind.${customer.kind}`)}</Entry>
            {customer.companyName ? <Entry term={t('customer.company')}>{customer.companyName}</Entry> : null}
            <Entry term={t('customer.birthDate')}>
              {customer.birthDate
                ? t('customer.bornOn', {
                    date: format.date(customer.birthDate),
                    count: ageOn(customer.birthDate),
                  })
                : none}
            </Entry>
            <Entry term={t('customer.clientSince')}>{format.date(customer.createdAt)}</Entry>
          </dl>
        </div>
        <div>
          <h3>{t('customer.contact')}</h3>
          <dl className="entries">
            <Entry term={t('customer.email')}>
              {customer.contact.email ? (
                <a href={`mailto:${customer.contact.email}`}>
                  <EmailText email={customer.contact.email} />
                </a>
              ) : (
                none
              )}
            </Entry>
            <Entry term={t('customer.mobilePhone')}>
              {customer.contact.mobilePhone ? (
                <a href={`tel:${customer.contact.mobilePhone}`}>
                  {formatPhone(customer.contact.mobilePhone)}
                </a>
              ) : (
                none
              )}
            </Entry>
            {customer.contact.homePhone ? (
              <Entry term={t('customer.homePhone')}>
                <a href={`tel:${customer.contact.homePhone}`}>{formatPhone(customer.contact.homePhone)}</a>
              </Entry>
            ) : null}
            <Entry term={t('customer.address')}>
              {address ? (
                <address>
                  {address.line1}
                  <br />
                  {address.line2 ? (
                    <>
                      {address.line2}
                      <br />
                    </>
                  ) : null}
                  {address.postalCode} {address.city}
                  {address.country !== 'FR' ? ` (${address.country})` : ''}
                </address>
              ) : (
                none
              )}
            </Entry>
          </dl>
        </div>
        <div>
          <h3>{t('customer.relationship')}</h3>
          <dl className="entries">
            <Entry term={t('customer.segment')}>{t(`common:segments.${customer.segment}`)}</Entry>
            <Entry term={t('customer.kycStatus')}>
              <span className={`badge badge-kyc-${customer.kycStatus}`}>
                {t(`enums.kycStatus.${customer.kycStatus}`)}
              </span>
            </Entry>
            <Entry term={t('customer.branch')}>{branches.get(customer.branchId) ?? customer.branchId}</Entry>
            <Entry term={t('customer.advisor')}>{advisor}</Entry>
            {customer.relationshipEndedOn ? (
              <Entry term={t('customer.relationshipEndedOn')}>
                {format.date(customer.relationshipEndedOn)}
              </Entry>
            ) : null}
          </dl>
        </div>
      </div>
      <p className="card-footer muted">
        {t('customer.updated', {
          date: format.dateTime(customer.updatedAt),
          context: customer.updatedBy === viewer?.sub ? 'byYou' : undefined,
        })}
      </p>
    </section>
  );
};
