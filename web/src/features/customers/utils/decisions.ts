/**
 * The KYC decision and the assignment of a customer, pure: who may take them (the API's rules,
 * so that nobody is shown a form the API would refuse), the checks before sending, the request
 * bodies (`ChangeKycStatusRequest`, `ReassignCustomerRequest` in `schemas/customers/customer.ts`)
 * and where an API field error belongs in the forms.
 */
import type {
  ChangeKycStatusRequest,
  Customer,
  ReassignCustomerRequest,
} from '#schemas/customers/customer.ts';
import type { Role } from '#schemas/roles.ts';

export type KycStatus = Customer['kycStatus'];
export type Segment = Customer['segment'];

export type Viewer = { roles: readonly Role[]; branchId?: string };

const managesBranch = (viewer: Viewer, customer: Pick<Customer, 'branchId'>) =>
  viewer.roles.includes('branch_manager') &&
  viewer.branchId !== undefined &&
  viewer.branchId === customer.branchId;

/** `PUT /kyc`: compliance for any customer, a branch manager for the customers of their branch. */
export const canDecideKyc = (viewer: Viewer | undefined, customer: Pick<Customer, 'branchId'>): boolean =>
  viewer !== undefined && (viewer.roles.includes('compliance_officer') || managesBranch(viewer, customer));

/** `PUT /assignment`: a branch manager within their branch, an administrator everywhere. */
export const canReassign = (viewer: Viewer | undefined, customer: Pick<Customer, 'branchId'>): boolean =>
  viewer !== undefined && (viewer.roles.includes('admin') || managesBranch(viewer, customer));

/** Only an administrator moves a customer to another branch. */
export const canMoveBranch = (viewer: Viewer | undefined): boolean =>
  viewer?.roles.includes('admin') === true;

export const kycStatuses: readonly KycStatus[] = ['pending', 'verified', 'to_review', 'rejected'];
export const segments: readonly Segment[] = [
  'mass_market',
  'affluent',
  'private_banking',
  'professional',
  'young',
];

/** The schema's `DecisionReason`: 3 to 500 characters once trimmed. */
export const reasonLength = { min: 3, max: 500 } as const;

export type KycDraft = { status: KycStatus | ''; reason: string };
export type KycField = keyof KycDraft;
export type KycError = 'statusRequired' | 'reasonRequired' | 'reasonTooShort' | 'reasonTooLong';
export type KycErrors = Partial<Record<KycField, KycError>>;

/** The decision form's fields in the order they are shown: the first in error takes the focus. */
export const kycFields: readonly KycField[] = ['status', 'reason'];

/** Every problem of a KYC decision at once. */
export const checkKycDraft = (draft: KycDraft): KycErrors => {
  const errors: KycErrors = {};
  if (!draft.status) errors.status = 'statusRequired';
  const reason = draft.reason.trim();
  if (!reason) errors.reason = 'reasonRequired';
  else if (reason.length < reasonLength.min) errors.reason = 'reasonTooShort';
  else if (reason.length > reasonLength.max) errors.reason = 'reasonTooLong';
  return errors;
};

/** The body of `PUT /v1/customers/{id}/kyc`, with the version the file was read at. */
export const kycRequest = (
  customer: Pick<Customer, 'version'>,
  draft: KycDraft & { status: KycStatus },
): ChangeKycStatusRequest & { version: number } => ({
  status: draft.status,
  reason: draft.reason.trim(),
  version: customer.version,
});

export type AssignmentDraft = { advisorId: string; segment: Segment; branchId: string };
export type AssignmentField = keyof AssignmentDraft;

export const assignmentFields: readonly AssignmentField[] = ['advisorId', 'segment', 'branchId'];

export const assignmentFromCustomer = (customer: Customer): AssignmentDraft => ({
  advisorId: customer.advisorId ?? '',
  segment: customer.segment,
  branchId: customer.branchId,
});

export type Reassignment = Omit<ReassignCustomerRequest, 'version'>;

/**
 * What changed, for `PUT /v1/customers/{id}/assignment` (plus `version`): an emptied advisor
 * is `null` (no assigned advisor); another branch only for those who may move customers. On a
 * move, an advisor left as it was is not sent: the API then leaves the customer without an
 * advisor rather than with one of the old branch (which it would refuse).
 */
export const buildReassignment = (
  customer: Customer,
  draft: AssignmentDraft,
  options: { canMoveBranch: boolean },
): Reassignment => {
  const body: Reassignment = {};
  if (draft.segment !== customer.segment) body.segment = draft.segment;
  const moves = options.canMoveBranch && draft.branchId !== customer.branchId;
  if (moves) body.branchId = draft.branchId;
  const advisorId = draft.advisorId.trim();
  if (advisorId !== (customer.advisorId ?? '')) body.advisorId = advisorId || null;
  return body;
};

/** The field an API error's `field` (`reason`, `/reason`, `body.reason`) points at, if it is one. */
export const apiFieldOf = <F extends string>(apiField: string, fields: readonly F[]): F | undefined => {
  const name = apiField
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/^body\./, '');
  return fields.find((field) => field === name);
};
