/**
 * The roles of DESIGN.md (Cognito groups) and what an authenticated caller looks like once the
 * JWT claims are read.
 */
import * as z from './zod.ts';

export const Role = z.enum([
  'advisor',
  'branch_manager',
  'service_agent',
  'compliance_officer',
  'privacy_officer',
  'marketer',
  'analyst',
  'admin',
]);
export type Role = z.infer<typeof Role>;
export const allRoles = Role.options;

/** Who reads customer files: the branch network, the contact centre and compliance (KYC reviews). */
export const customerReaders = [
  'advisor',
  'branch_manager',
  'service_agent',
  'compliance_officer',
  'admin',
] as const;
/** Who keeps a customer's contact details and consents up to date. */
export const customerEditors = ['advisor', 'branch_manager', 'service_agent', 'admin'] as const;
/** Who creates customers: the branch network. */
export const customerWriters = ['advisor', 'branch_manager', 'admin'] as const;

/**
 * Who reads the product catalogue and runs simulations: the branch network and the contact
 * centre (a customer on the phone asks what a loan would cost).
 */
export const productReaders = ['advisor', 'branch_manager', 'service_agent', 'admin'] as const;
/** Who opens and follows opportunities: the branch network (the contact centre sees no deals). */
export const opportunityReaders = ['advisor', 'branch_manager', 'admin'] as const;
/**
 * Who logs calls and e-mails with a customer and keeps their follow-up tasks: the branch network
 * and the contact centre (a call taken for the advisor becomes the advisor's task).
 */
export const activityKeepers = ['advisor', 'branch_manager', 'service_agent', 'admin'] as const;
/** Who writes and reads meeting reports (comptes rendus d’entretien): the branch network. */
export const meetingReporters = ['advisor', 'branch_manager', 'admin'] as const;

/** Who handles the data protection requests of customers (access, portability, erasure): the DPO's team. */
export const privacyOfficers = ['privacy_officer'] as const;

/** The caller, as the handlers see it after the JWT authorizer. */
export type Caller = {
  /** Cognito `sub`. */
  id: string;
  /** Display name (`name` claim, else username). */
  name: string;
  roles: Role[];
  /** Branch of advisors and branch managers (`custom:branchId`). */
  branchId?: string;
};
