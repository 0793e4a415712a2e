/** The profile part of the customer file: identity, contact points, banking relationship. */

import type { ReactNode } from 'react';
import type { Customer } from '#schemas/customers/customer.ts';
import { useBranchNames } from '../../../lib/branches.ts';
import { ageOn, useI18n } from '../../../lib/i18n.ts';
import { formatPhone } from '../utils/phone.ts';

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
  const { t, format } = useI18n();
  const branches = useBranchNames();
  const c = t.customer;
  const none = <span className="muted">{c.none}</span>;
  const address = customer.address;
  const advisor =
    customer.advisorId === undefined
      ? none
      : customer.advisorId === viewer?.sub
        ? `${viewer.name} (${c.you})`
        : (advisorName ?? <span className="mono small">{customer.advisorId}</span>);
  return (
    <section className="card profile" aria-labelledby="profile-title">
      <h2 id="profile-title" className="visually-hidden">
        {c.profile}
      </h2>
      <div className="profile-grid">
        <div>
          <h3>{c.identity}</h3>
          <dl className="entries">
            <Entry term={c.kind}>{t.enums.kind[customer.kind]}</Entry>
            {customer.companyName ? <Entry term={c.company}>{customer.companyName}</Entry> : null}
            <Entry term={c.birthDate}>
              {customer.birthDate
                ? `${format.date(customer.birthDate)} (${c.age(ageOn(customer.birthDate))})`
                : none}
            </Entry>
            <Entry term={c.clientSince}>{format.date(customer.createdAt)}</Entry>
          </dl>
        </div>
        <div>
          <h3>{c.contact}</h3>
          <dl className="entries">
            <Entry term={c.email}>
              {customer.contact.email ? (
                <a href={`mailto:${customer.contact.email}`}>
                  <EmailText email={customer.contact.email} />
                </a>
              ) : (
                none
              )}
            </Entry>
            <Entry term={c.mobilePhone}>
              {customer.contact.mobilePhone ? (
                <a href={`tel:${customer.contact.mobilePhone}`}>
                  {formatPhone(customer.contact.mobilePhone)}
                </a>
              ) : (
                none
              )}
            </Entry>
            {customer.contact.homePhone ? (
              <Entry term={c.homePhone}>
                <a href={`tel:${customer.contact.homePhone}`}>{formatPhone(customer.contact.homePhone)}</a>
              </Entry>
            ) : null}
            <Entry term={c.address}>
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
          <h3>{c.relationship}</h3>
          <dl className="entries">
            <Entry term={c.segment}>{t.enums.segment[customer.segment]}</Entry>
            <Entry term={c.kycStatus}>
              <span className={`badge badge-kyc-${customer.kycStatus}`}>
                {t.enums.kycStatus[customer.kycStatus]}
              </span>
            </Entry>
            <Entry term={c.branch}>{branches.get(customer.branchId) ?? customer.branchId}</Entry>
            <Entry term={c.advisor}>{advisor}</Entry>
          </dl>
        </div>
      </div>
      <p className="card-footer muted">
        {c.updated(format.dateTime(customer.updatedAt), customer.updatedBy === viewer?.sub)}
      </p>
    </section>
  );
};
