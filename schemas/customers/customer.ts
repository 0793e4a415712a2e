/**
 * The customer (fiche client): individuals, professionals and prospects, with their contact
 * points, address, segment, branch, assigned advisor and KYC status.
 */

import { BaseRecord, Id, IsoDate } from '../common.ts';
import * as z from '../zod.ts';

/** The path parameters of a customer's routes. */
export const CustomerParams = z.object({ customerId: Id });

export const CustomerKind = z.enum(['individual', 'professional', 'prospect']);
export const Segment = z.enum(['mass_market', 'affluent', 'private_banking', 'professional', 'young']);
export const KycStatus = z.enum(['pending', 'verified', 'to_review', 'rejected']);
export type CustomerKind = z.infer<typeof CustomerKind>;
export type Segment = z.infer<typeof Segment>;

/** E.164 phone number, e.g. +33612345678. */
export const Phone = z
  .string()
  .check(z.regex(/^\+[1-9]\d{6,14}$/, 'phone numbers are written +33612345678 (E.164)'));

const Email = z.email().check(z.maxLength(254));

export const ContactPoints = z.object({
  email: z.optional(Email),
  mobilePhone: z.optional(Phone),
  homePhone: z.optional(Phone),
});

export const Address = z.object({
  line1: z.string().check(z.minLength(1), z.maxLength(120)),
  line2: z.optional(z.string().check(z.maxLength(120))),
  postalCode: z.string().check(z.minLength(2), z.maxLength(10)),
  city: z.string().check(z.minLength(1), z.maxLength(80)),
  country: z._default(z.string().check(z.length(2), z.describe('ISO 3166-1 alpha-2')), 'FR'),
});

/**
 * Fields a user provides when creating a customer. The KYC status is not among them: a new
 * customer's identity is `pending` until compliance or the branch manager records a decision.
 */
export const CustomerInput = z.object({
  kind: CustomerKind,
  title: z.optional(z.enum(['mr', 'ms', 'mx'])),
  firstName: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  lastName: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  companyName: z
    .optional(z.string().check(z.trim(), z.maxLength(120)))
    .check(z.describe('Professionals only.')),
  birthDate: z.optional(IsoDate),
  contact: z._default(ContactPoints, {}),
  address: z.optional(Address),
  segment: Segment,
  branchId: Id,
  advisorId: z.optional(Id).check(z.describe('An advisor of the branch.')),
});

// A copy: the id names the request body, not the fields that `Customer` and the update reuse.
export const CreateCustomerRequest = z
  .clone(CustomerInput)
  .register(z.globalRegistry, { id: 'CreateCustomerRequest' });
export type CreateCustomerRequest = z.infer<typeof CreateCustomerRequest>;

/** Contact points to change: a field left out stays, `null` removes it (JSON merge patch). */
export const ContactPointsPatch = z.object({
  email: z.optional(z.nullable(Email)),
  mobilePhone: z.optional(z.nullable(Phone)),
  homePhone: z.optional(z.nullable(Phone)),
});

/**
 * A partial update of the customer's own details; `version` is the version the user read (or
 * send `If-Match`). A field left out is left as it is. The regulated and relationship fields
 * are not here: the KYC status has its decision route, and the segment, branch and assigned
 * advisor the reassignment route (`schemas/customers/routes.ts`).
 */
export const UpdateCustomerRequest = z
  .strictObject({
    ...z.partial(
      z.extend(z.omit(CustomerInput, { contact: true, segment: true, branchId: true, advisorId: true }), {
        contact: ContactPointsPatch,
      }),
    ).shape,
    version: z.optional(z.number().check(z.int(), z.positive())),
  })
  .register(z.globalRegistry, { id: 'UpdateCustomerRequest' });
export type UpdateCustomerRequest = z.infer<typeof UpdateCustomerRequest>;
export type ContactPointsPatch = z.infer<typeof ContactPointsPatch>;

export const Customer = z
  .extend(BaseRecord, {
    ...CustomerInput.shape,
    customerNumber: z.string().check(z.describe('Bank customer number, e.g. C0000012345.')),
    kycStatus: KycStatus,
    relationshipEndedOn: z.optional(
      IsoDate.check(
        z.describe(
          'The day the business relationship ended (every product closed): the AML retention runs 5 years from it (CMF L561-12), then the file is erased.',
        ),
      ),
    ),
  })
  .register(z.globalRegistry, { id: 'Customer' });
export type Customer = z.infer<typeof Customer>;

/** What a list or a search shows of a customer. */
export const CustomerSummary = z
  .pick(Customer, {
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
  })
  .register(z.globalRegistry, { id: 'CustomerSummary' });
export type CustomerSummary = z.infer<typeof CustomerSummary>;

/** Why a KYC decision was taken: kept in the customer's timeline with the decision. */
const DecisionReason = z.string().check(z.trim(), z.minLength(3), z.maxLength(500));

/** A KYC decision (compliance, or the branch manager for their branch), with its reason. */
export const ChangeKycStatusRequest = z
  .strictObject({
    status: KycStatus,
    reason: DecisionReason,
    version: z.optional(z.number().check(z.int(), z.positive())),
  })
  .register(z.globalRegistry, { id: 'ChangeKycStatusRequest' });
export type ChangeKycStatusRequest = z.infer<typeof ChangeKycStatusRequest>;

/**
 * The end of a customer's business relationship, recorded by compliance or the branch manager
 * with its reason; `endedOn: null` records that it goes on after all (recorded by mistake, or the
 * customer came back before the file went).
 */
export const RecordRelationshipEndRequest = z
  .strictObject({
    endedOn: z.nullable(IsoDate),
    reason: DecisionReason,
    version: z.optional(z.number().check(z.int(), z.positive())),
  })
  .register(z.globalRegistry, { id: 'RecordRelationshipEndRequest' });
export type RecordRelationshipEndRequest = z.infer<typeof RecordRelationshipEndRequest>;

/**
 * Who looks after the customer: segment, branch and assigned advisor. A branch manager assigns
 * an advisor of the branch and sets the segment; moving a customer to another branch is an
 * administrator's. `advisorId: null` leaves the customer without an assigned advisor.
 */
export const ReassignCustomerRequest = z
  .strictObject({
    segment: z.optional(Segment),
    branchId: z.optional(Id),
    advisorId: z.optional(z.nullable(Id)),
    version: z.optional(z.number().check(z.int(), z.positive())),
  })
  .check(
    z.refine((r) => r.segment !== undefined || r.branchId !== undefined || r.advisorId !== undefined, {
      message: 'give at least one of segment, branchId or advisorId',
      path: ['segment'],
    }),
  )
  .register(z.globalRegistry, { id: 'ReassignCustomerRequest' });
export type ReassignCustomerRequest = z.infer<typeof ReassignCustomerRequest>;
