/**
 * Who looks after a customer (the manager of the customer's branch, or an administrator): the
 * assigned advisor, the segment and, for administrators, the branch. Only what changed is sent,
 * with the version the file was read at.
 *
 * The API has no list of the bank's staff (`GET /v1/branches` names the branches only), so the
 * advisor is typed as an id, with the current advisor's name beside it; an empty id leaves the
 * customer without an assigned advisor. The API checks that the id is an advisor of the branch.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Customer } from '#schemas/customers/customer.ts';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import { useReassignCustomer } from '#web/src/features/customers/api/reassign-customer.ts';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import {
  type AssignmentDraft,
  type AssignmentErrors,
  type AssignmentField,
  apiFieldOf,
  assignmentFields,
  assignmentFromCustomer,
  buildReassignment,
  checkAssignmentDraft,
  segments,
} from '#web/src/features/customers/utils/decisions.ts';
import { useBranchNames } from '#web/src/lib/branches.ts';
import { DecisionAlerts, isConflict, useApiFieldErrors } from './decision-alerts.tsx';

export type AssignmentFormProps = {
  customer: Customer;
  /** The assigned advisor's name, as the 360° file gives it. */
  advisorName?: string;
  /** Administrators also move customers to another branch. */
  canMoveBranch: boolean;
  /** Reads the file again (after a conflict). */
  onReload: () => Promise<unknown>;
  reloading: boolean;
};

const fieldIds: Record<AssignmentField, string> = {
  advisorId: 'assignment-advisor',
  segment: 'assignment-segment',
  branchId: 'assignment-branch',
};

export const AssignmentForm = ({
  customer,
  advisorName,
  canMoveBranch,
  onReload,
  reloading,
}: AssignmentFormProps) => {
  const { t } = useCustomersTranslation();
  const branches = useBranchNames();
  const mutation = useReassignCustomer(customer.id);
  const [draft, setDraft] = useState<AssignmentDraft>(() => assignmentFromCustomer(customer));
  const [localErrors, setLocalErrors] = useState<AssignmentErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  const [saved, setSaved] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const savedRef = useRef<HTMLParagraphElement>(null);

  const branchName = (id: string) => branches.get(id) ?? id;
  const targetBranch = branchName(canMoveBranch ? draft.branchId : customer.branchId);
  const api = useApiFieldErrors(
    mutation.error,
    (field) => apiFieldOf(field, assignmentFields),
    (field) =>
      field === 'advisorId'
        ? t('decisions.assignment.errors.advisorUnknown', { branch: targetBranch })
        : t(`decisions.assignment.errors.${field}`),
  );
  const messageFor = (field: AssignmentField): string | undefined =>
    localErrors[field] ? t(`decisions.assignment.errors.${field}`) : api.fields.get(field);
  const firstInError = assignmentFields.find((field) => messageFor(field));

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each refusal on purpose
  useEffect(() => {
    if (focusRequest > 0 && firstInError) document.getElementById(fieldIds[firstInError])?.focus();
  }, [focusRequest]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each answer of the API
  useEffect(() => {
    if (api.fields.size > 0) setFocusRequest((n) => n + 1);
  }, [mutation.error]);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const set = (field: AssignmentField) => (event: { target: { value: string } }) => {
    setUnchanged(false);
    setDraft((before) => ({ ...before, [field]: event.target.value }));
    if (localErrors[field]) setLocalErrors((before) => ({ ...before, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending || isConflict(mutation.error)) return;
    setSaved(false);
    const errors = checkAssignmentDraft(draft);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    const body = buildReassignment(customer, draft, { canMoveBranch });
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    mutation.mutate(
      { ...body, version: customer.version },
      {
        onSuccess: (stored) => {
          setDraft(assignmentFromCustomer(stored));
          setSaved(true);
        },
      },
    );
  };

  const reload = async () => {
    await onReload();
    mutation.reset();
    document.getElementById(fieldIds.advisorId)?.focus();
  };

  const currentAdvisor = customer.advisorId
    ? t('decisions.assignment.advisorCurrent', { name: advisorName ?? customer.advisorId })
    : t('decisions.assignment.advisorNone');
  // Until the directory is read, the current branch is the one choice.
  const branchOptions = branches.size > 0 ? [...branches] : [[customer.branchId, customer.branchId] as const];

  return (
    <section className="card decision" aria-labelledby="assignment-title">
      <h2 id="assignment-title">{t('decisions.assignment.title')}</h2>
      {saved ? (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={savedRef}>
          {t('decisions.assignment.saved')}
        </p>
      ) : null}
      {unchanged ? (
        <p className="notice notice-info" role="status">
          {t('decisions.assignment.noChanges')}
        </p>
      ) : null}
      <DecisionAlerts
        id="assignment-conflict"
        error={mutation.error}
        others={api.others}
        onReload={() => void reload()}
        reloading={reloading}
      />
      <form className="decision-form" onSubmit={submit} noValidate>
        <FormField
          id={fieldIds.advisorId}
          label={t('decisions.assignment.advisor')}
          hint={`${currentAdvisor} ${t('decisions.assignment.advisorHint', { branch: targetBranch })}`}
          error={messageFor('advisorId')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              className="mono"
              autoComplete="off"
              spellCheck={false}
              value={draft.advisorId}
              onChange={set('advisorId')}
            />
          )}
        </FormField>
        <FormField
          id={fieldIds.segment}
          label={t('decisions.assignment.segment')}
          error={messageFor('segment')}
        >
          {(control) => (
            <select {...control} value={draft.segment} onChange={set('segment')}>
              {segments.map((segment) => (
                <option key={segment} value={segment}>
                  {t(`common:segments.${segment}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {canMoveBranch ? (
          <FormField
            id={fieldIds.branchId}
            label={t('decisions.assignment.branch')}
            hint={t('decisions.assignment.branchHint')}
            error={messageFor('branchId')}
          >
            {(control) => (
              <select {...control} value={draft.branchId} onChange={set('branchId')}>
                {branchOptions.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            aria-disabled={mutation.isPending || isConflict(mutation.error)}
          >
            {mutation.isPending ? t('decisions.assignment.saving') : t('decisions.assignment.submit')}
          </button>
        </div>
      </form>
    </section>
  );
};
