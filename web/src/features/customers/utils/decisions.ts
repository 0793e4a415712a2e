/**
 * The KYC decision, the end of the business relationship and the assignment of a customer, pure:
 * who may take them (the API's rules, so that nobody is shown a form the API would refuse), the
 * checks before sending, the request bodies (`ChangeKycStatusRequest`,
 * `RecordRelationshipEndRequest`, `ReassignCustomerRequest` in `schemas/customers/customer.ts`)
 * and where an API field error belongs in the forms.
 */
import type {
  ChangeKycStatusRequest,
  Customer,
  ReassignCustomerRequest,
  RecordRelationshipEndRequest,
} from '#schemas/customers/customer.ts';
import type { Role } from '#schemas/roles.ts';

export type KycStatus = Customer['kycStatus'];
export type Segment = Customer['segment'];

export type Viewer = { roles: readonly Role[]; branchId?: string };

const managesBranch = (viewer: Viewer, customer: Pick<Customer, 'branchId'>) =>
  viewer.roles.includes('branch_manager') &&
  viewer.branchId !== undefined &&
  viewer.branchId === customer.branchId;

/**
 * `PUT /kyc`: compliance for any customer, a branch manager for the customers of their branch.
 * `PUT /relationship` (the end of the business relationship) follows the same rule.
 */
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

export type ReasonError = 'reasonRequired' | 'reasonTooShort' | 'reasonTooLong';

/** What is wrong with a decision's reason, if anything (it is sent trimmed). */
export const checkReason = (text: string): ReasonError | undefined => {
  const reason = text.trim();
  if (!reason) return 'reasonRequired';
  if (reason.length < reasonLength.min) return 'reasonTooShort';
  if (reason.length > reasonLength.max) return 'reasonTooLong';
  return undefined;
};

export type KycDraft = { status: KycStatus | ''; reason: string };
export type KycField = keyof KycDraft;
export type KycError = 'statusRequired' | ReasonError;
export type KycErrors = Partial<Record<KycField, KycError>>;

/** The decision form's fields in the order they are shown: the first in error takes the focus. */
export const kycFields: readonly KycField[] = ['status', 'reason'];

/** Every problem of a KYC decision at once. */
export const checkKycDraft = (draft: KycDraft): KycErrors => {
  const errors: KycErrors = {};
  if (!draft.status) errors.status = 'statusRequired';
  const reason = checkReason(draft.reason);
  if (reason) errors.reason = reason;
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

const pad = (n: number) => String(n).padStart(2, '0');

/** The day `now` is in the user's calendar (their time zone), as `YYYY-MM-DD`. */
export const localDay = (now: Date = new Date()): string =>
  `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** Whether `value` is a day of the calendar written `YYYY-MM-DD` (not 2025-02-30). */
export const isCalendarDay = (value: string): boolean => {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** How long a customer's file is kept after the relationship ended (AML, CMF L561-12). */
export const amlRetentionYears = 5;

/**
 * The day the file of a relationship ended on `endedOn` is erased: 5 years later, counted as the
 * law counts (same day of the same month, or that month's last day when it has none: 29 February
 * gives 28 February), the day the API's retention sweep takes it.
 */
export const erasureDayOf = (endedOn: string): string => {
  const [year = 0, month = 1, day = 1] = endedOn.split('-').map(Number);
  const erasedIn = year + amlRetentionYears;
  const lastDay = new Date(Date.UTC(erasedIn, month, 0)).getUTCDate();
  return `${String(erasedIn).padStart(4, '0')}-${pad(month)}-${pad(Math.min(day, lastDay))}`;
};

/**
 * The relationship form: the day the relationship ended (`YYYY-MM-DD`, as a date field gives it,
 * empty until chosen), or `null` to withdraw the end recorded; and the reason.
 */
export type RelationshipDraft = { endedOn: string | null; reason: string };
export type RelationshipField = keyof RelationshipDraft;
export type EndedOnError =
  | 'endedOnRequired'
  | 'endedOnInvalid'
  | 'endedOnAfterToday'
  | 'endedOnBeforeOpening';
export type RelationshipErrors = { endedOn?: EndedOnError; reason?: ReasonError };

/** The relationship form's fields in the order they are shown (a withdrawal has no date). */
export const relationshipFields = (
  draft: Pick<RelationshipDraft, 'endedOn'>,
): readonly RelationshipField[] => (draft.endedOn === null ? ['reason'] : ['endedOn', 'reason']);

/** The day a customer's file was opened, as the API compares it with the end of the relationship. */
export const openedOnOf = (customer: Pick<Customer, 'createdAt'>): string => customer.createdAt.slice(0, 10);

/**
 * Every problem of an end of relationship (or its withdrawal) at once: a valid day, not after
 * `today` (the user's, `localDay()`) nor before the file was opened, and a reason as for KYC.
 * Days compare as `YYYY-MM-DD` strings.
 */
export const checkRelationshipDraft = (
  draft: RelationshipDraft,
  days: { today: string; openedOn?: string },
): RelationshipErrors => {
  const errors: RelationshipErrors = {};
  if (draft.endedOn !== null) {
    const endedOn = draft.endedOn.trim();
    if (!endedOn) errors.endedOn = 'endedOnRequired';
    else if (!isCalendarDay(endedOn)) errors.endedOn = 'endedOnInvalid';
    else if (endedOn > days.today) errors.endedOn = 'endedOnAfterToday';
    else if (days.openedOn && endedOn < days.openedOn) errors.endedOn = 'endedOnBeforeOpening';
  }
  const reason = checkReason(draft.reason);
  if (reason) errors.reason = reason;
  return errors;
};

/** The body of `PUT /v1/customers/{id}/relationship`, with the version the file was read at. */
export const relationshipRequest = (
  customer: Pick<Customer, 'version'>,
  draft: RelationshipDraft,
): RecordRelationshipEndRequest & { version: number } => ({
  endedOn: draft.endedOn === null ? null : draft.endedOn.trim(),
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
