/** A customer's name as bank staff write it: SURNAME First name, and the company for professionals. */
import type { Customer } from '#schemas/customers/customer.ts';

export type NamedCustomer = Pick<Customer, 'firstName' | 'lastName' | 'companyName'>;

/** Plain text of the name (titles, labels). */
export const customerDisplayName = (customer: NamedCustomer): string =>
  `${customer.lastName.toLocaleUpperCase('fr-FR')} ${customer.firstName}`;

export const CustomerName = ({ customer }: { customer: NamedCustomer }) => (
  <>
    <span className="surname">{customer.lastName}</span> {customer.firstName}
    {customer.companyName ? <span className="company"> · {customer.companyName}</span> : null}
  </>
);
