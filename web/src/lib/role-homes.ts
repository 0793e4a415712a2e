/** Which screens a role can use, so that nobody lands on one that would only refuse them. */
import { opportunityReaders, productReaders, type Role } from '#schemas/roles.ts';

/** Roles that search and open customer files (the API's customer readers). */
const customerRoles: readonly Role[] = [
  'advisor',
  'branch_manager',
  'service_agent',
  'compliance_officer',
  'admin',
];

export const seesCustomers = (roles: readonly Role[]): boolean =>
  roles.some((role) => customerRoles.includes(role));
export const seesAnalytics = (roles: readonly Role[]): boolean => roles.includes('analyst');
export const seesPrivacyRequests = (roles: readonly Role[]): boolean => roles.includes('privacy_officer');
/** The loan simulator: the API's product readers (the branch network and the contact centre). */
export const seesSimulator = (roles: readonly Role[]): boolean =>
  roles.some((role) => (productReaders as readonly Role[]).includes(role));
/** The pipeline of deals: the API's opportunity readers (the branch network, not the contact centre). */
export const seesPipeline = (roles: readonly Role[]): boolean =>
  roles.some((role) => (opportunityReaders as readonly Role[]).includes(role));
