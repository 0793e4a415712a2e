/**
 * The KYC decision and the assignment on the customer file: shown to the roles the API lets
 * take them only, checked before sending, and sent in the shapes of `ChangeKycStatusRequest`
 * and `ReassignCustomerRequest`.
 */
import { describe, expect, it } from 'vitest';
import { ChangeKycStatusRequest, ReassignCustomerRequest } from '#schemas/customers/customer.ts';
import type { Role } from '#schemas/roles.ts';
import {
  apiFieldOf,
  assignmentFields,
  assignmentFromCustomer,
  buildReassignment,
  canDecideKyc,
  canMoveBranch,
  canReassign,
  checkKycDraft,
  kycFields,
  kycRequest,
} from '#web/src/features/customers/utils/decisions.ts';
import { marieDupont } from './support/customer.ts';

const customer = { ...marieDupont(), advisorId: 'adv-camille' };
const viewer = (role: Role, branchId?: string) => ({ roles: [role], ...(branchId ? { branchId } : {}) });

describe('who sees the decisions', () => {
  it('shows the KYC decision to compliance and to the manager of the customer’s branch only', () => {
    // Prepare
    const viewers = [
      viewer('compliance_officer'),
      viewer('branch_manager', 'br-paris-opera'),
      viewer('branch_manager', 'br-lyon-bellecour'),
      viewer('advisor', 'br-paris-opera'),
      viewer('service_agent'),
      viewer('admin'),
      undefined,
    ];

    // Act
    const allowed = viewers.map((v) => canDecideKyc(v, customer));

    // Assess
    expect(allowed).toEqual([true, true, false, false, false, false, false]);
  });

  it('shows the assignment to the manager of the branch and to administrators, the branch to administrators', () => {
    // Prepare
    const viewers = [
      viewer('branch_manager', 'br-paris-opera'),
      viewer('branch_manager', 'br-lyon-bellecour'),
      viewer('admin'),
      viewer('compliance_officer'),
      viewer('advisor', 'br-paris-opera'),
    ];

    // Act
    const allowed = viewers.map((v) => canReassign(v, customer));
    const moves = viewers.map((v) => canMoveBranch(v));

    // Assess
    expect(allowed).toEqual([true, false, true, false, false]);
    expect(moves).toEqual([false, false, true, false, false]);
  });
});

describe('the KYC decision', () => {
  it('asks for a status and a reason of 3 to 500 characters, every problem at once', () => {
    // Act
    const empty = checkKycDraft({ status: '', reason: '  ' });
    const short = checkKycDraft({ status: 'rejected', reason: ' ok ' });
    const long = checkKycDraft({ status: 'rejected', reason: 'x'.repeat(501) });
    const fine = checkKycDraft({ status: 'rejected', reason: 'Pièce d’identité falsifiée' });

    // Assess
    expect(empty).toEqual({ status: 'statusRequired', reason: 'reasonRequired' });
    expect(short).toEqual({ reason: 'reasonTooShort' });
    expect(long).toEqual({ reason: 'reasonTooLong' });
    expect(fine).toEqual({});
  });

  it('sends the status, the trimmed reason and the version read, as the API expects', () => {
    // Act
    const body = kycRequest(customer, { status: 'to_review', reason: '  Justificatif expiré\n' });

    // Assess
    expect(body).toEqual({ status: 'to_review', reason: 'Justificatif expiré', version: 3 });
    expect(ChangeKycStatusRequest.safeParse(body).success).toBe(true);
  });
});

describe('the assignment', () => {
  it('sends only what changed, with an emptied advisor as « no advisor »', () => {
    // Prepare
    const draft = assignmentFromCustomer(customer);

    // Act
    const nothing = buildReassignment(customer, draft, { canMoveBranch: false });
    const segment = buildReassignment(customer, { ...draft, segment: 'affluent' }, { canMoveBranch: false });
    const advisor = buildReassignment(
      customer,
      { ...draft, advisorId: ' adv-karim ' },
      { canMoveBranch: false },
    );
    const none = buildReassignment(customer, { ...draft, advisorId: '' }, { canMoveBranch: false });

    // Assess
    expect(nothing).toEqual({});
    expect(segment).toEqual({ segment: 'affluent' });
    expect(advisor).toEqual({ advisorId: 'adv-karim' });
    expect(none).toEqual({ advisorId: null });
    for (const body of [segment, advisor, none]) {
      expect(ReassignCustomerRequest.safeParse({ ...body, version: 3 }).success).toBe(true);
    }
  });

  it('moves the branch for administrators only, without the old branch’s advisor', () => {
    // Prepare
    const draft = { ...assignmentFromCustomer(customer), branchId: 'br-lyon-bellecour' };

    // Act
    const byAdmin = buildReassignment(customer, draft, { canMoveBranch: true });
    const byManager = buildReassignment(customer, draft, { canMoveBranch: false });
    const withAdvisor = buildReassignment(
      customer,
      { ...draft, advisorId: 'adv-ines' },
      { canMoveBranch: true },
    );

    // Assess
    expect(byAdmin).toEqual({ branchId: 'br-lyon-bellecour' });
    expect(byManager).toEqual({});
    expect(withAdvisor).toEqual({ branchId: 'br-lyon-bellecour', advisorId: 'adv-ines' });
  });
});

describe('API field errors', () => {
  it('finds the form field an API error names, however the API writes it', () => {
    // Act
    const fields = ['reason', '/status', 'body.reason', 'version'].map((field) =>
      apiFieldOf(field, kycFields),
    );
    const advisor = apiFieldOf('advisorId', assignmentFields);

    // Assess
    expect(fields).toEqual(['reason', 'status', 'reason', undefined]);
    expect(advisor).toBe('advisorId');
  });
});
