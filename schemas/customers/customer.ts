/**
 * The customer (fiche client): individuals, professionals and prospects, with their contact
 * points, address, segment, branch, assigned advisor and KYC status.
 */
import * as z from 'zod';
import { BaseRecord, Id, IsoDate } from '../common.ts';

/** The path parameters of a customer's routes. */
export const CustomerParams = z.object({ customerId: Id });

export const CustomerKind = z.enum(['individual', 'professional', 'prospect']);
export const Segment = z.enum(['mass_market', 'affluent', 'private_banking', 'professional', 'young']);
export const KycStatus = z.enum(['pending', 'verified', 'to_review', 'rejected']);

/** E.164 phone number, e.g. +33612345678. */
export const Phone = z.string().regex(/^\+[1-9]\d{6,14}$/, 'phone numbers are written +33612345678 (E.164)');

export const ContactPoints = z.object({
  email: z.email().max(254).optional(),
  mobilePhone: Phone.optional(),
  homePhone: Phone.optional(),
});

export const Address = z.object({
  line1: z.string().min(1).max(120),
  line2: z.string().max(120).optional(),
  postalCode: z.string().min(2).max(10),
  city: z.string().min(1).max(80),
  country: z.string().length(2).describe('ISO 3166-1 alpha-2').default('FR'),
});

/**
 * Fields a user provides when creating a customer. The KYC status is not among them: a new
 * customer's identity is `pending` until compliance or the branch manager records a decision.
 */
export const CustomerInput = z.object({
  kind: CustomerKind,
  title: z.enum(['mr', 'ms', 'mx']).optional(),
  firstName: z.string().trim().min(1).max(80),
  lastName: z.string().trim().min(1).max(80),
  companyName: z.string().trim().max(120).optional().describe('Professionals only.'),
  birthDate: IsoDate.optional(),
  contact: ContactPoints.default({}),
  address: Address.optional(),
  segment: Segment,
  branchId: Id,
  advisorId: Id.optional().describe('An advisor of the branch.'),
});

export const CreateCustomerRequest = CustomerInput.meta({ id: 'CreateCustomerRequest' });
export type CreateCustomerRequest = z.infer<typeof CreateCustomerRequest>;

/** Contact points to change: a field left out stays, `null` removes it (JSON merge patch). */
export const ContactPointsPatch = z.object({
  email: ContactPoints.shape.email.unwrap().nullable().optional(),
  mobilePhone: Phone.nullable().optional(),
  homePhone: Phone.nullable().optional(),
});

/**
 * A partial update of the customer's own details; `version` is the version the user read (or
 * send `If-Match`). A field left out is left as it is. The regulated and relationship fields
 * are not here: the KYC status has its decision route, and the segment, branch and assigned
 * advisor the reassignment route (`schemas/customers/routes.ts`).
 */
export const UpdateCustomerRequest = CustomerInput.omit({
  contact: true,
  segment: true,
  branchId: true,
  advisorId: true,
})
  .extend({ contact: ContactPointsPatch })
  .partial()
  .extend({ version: z.number().int().positive().optional() })
  .strict()
  .meta({ id: 'UpdateCustomerRequest' });
export type UpdateCustomerRequest = z.infer<typeof UpdateCustomerRequest>;
export type ContactPointsPatch = z.infer<typeof ContactPointsPatch>;

export const Customer = BaseRecord.extend(CustomerInput.shape)
  .extend({
    customerNumber: z.string().describe('Bank customer number, e.g. C0000012345.'),
    kycStatus: KycStatus,
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof Customer>;

/** What a list or a search shows of a customer. */
export const CustomerSummary = Customer.pick({
  id: true,
  customerNumber: true,
  kind: true,
  firstName: true,
  lastName: true,
  companyName: true,
  birthDate: true,
  segment: true,
  branchId: true,
  advisorId: true,
}).meta({ id: 'CustomerSummary' });
export type CustomerSummary = z.infer<typeof CustomerSummary>;

/** Why a KYC decision was taken: kept in the customer's timeline with the decision. */
const DecisionReason = z.string().trim().min(3).max(500);

/** A KYC decision (compliance, or the branch manager for their branch), with its reason. */
export const ChangeKycStatusRequest = z
  .object({
    status: KycStatus,
    reason: DecisionReason,
    version: z.number().int().positive().optional(),
  })
  .strict()
  .meta({ id: 'ChangeKycStatusRequest' });
export type ChangeKycStatusRequest = z.infer<typeof ChangeKycStatusRequest>;

/**
 * Who looks after the customer: segment, branch and assigned advisor. A branch manager assigns
 * an advisor of the branch and sets the segment; moving a customer to another branch is an
 * administrator's. `advisorId: null` leaves the customer without an assigned advisor.
 */
export const ReassignCustomerRequest = z
  .object({
    segment: Segment.optional(),
    branchId: Id.optional(),
    advisorId: Id.nullable().optional(),
    version: z.number().int().positive().optional(),
  })
  .strict()
  .refine((r) => r.segment !== undefined || r.branchId !== undefined || r.advisorId !== undefined, {
    message: 'give at least one of segment, branchId or advisorId',
    path: ['segment'],
  })
  .meta({ id: 'ReassignCustomerRequest' });
export type ReassignCustomerRequest = z.infer<typeof ReassignCustomerRequest>;
