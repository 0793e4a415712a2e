/**
 * Who looks after a customer (the manager of the customer's branch, or an administrator): the
 * assigned advisor, the segment and, for administrators, the branch. Only what changed is sent,
 * with the version the file was read at.
 *
 * The advisor is chosen by name among the advisors and manager of the branch the customer will
 * be in (`GET /v1/branches/{id}/advisors`); "no assigned advisor" is a choice too.
 */
import { type FormEvent, useState } from 'react';
import type { Customer } from '#schemas/customers/customer.ts';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import { useReassignCustomer } from '#web/src/features/customers/api/reassign-customer.ts';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import {
  type AssignmentDraft,
  type AssignmentField,
  apiFieldOf,
  assignmentFields,
  assignmentFromCustomer,
  buildReassignment,
  segments,
} from '#web/src/features/customers/utils/decisions.ts';
import { useBranchAdvisors } from '#web/src/lib/branch-advisors.ts';
import { useBranchNames } from '#web/src/lib/branches.ts';
import { DecisionAlerts, isConflict, useApiFieldErrors, useDecisionFocus } from './decision-alerts.tsx';
import '#web/src/features/customers/customers.css';

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
  const [unchanged, setUnchanged] = useState(false);
  const [saved, setSaved] = useState(false);

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
  const messageFor = (field: AssignmentField): string | undefined => api.fields.get(field);
  const advisors = useBranchAdvisors(canMoveBranch ? draft.branchId : customer.branchId);
  const choices = advisors.data?.items ?? [];
  const firstInError = assignmentFields.find((field) => messageFor(field));

  const { savedRef } = useDecisionFocus({
    firstInError,
    fieldIds,
    apiError: mutation.error,
    apiFieldErrors: api.fields.size,
    saved,
  });

  const set = (field: AssignmentField) => (event: { target: { value: string } }) => {
    setUnchanged(false);
    setDraft((before) => ({ ...before, [field]: event.target.value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending || isConflict(mutation.error)) return;
    setSaved(false);
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
          hint={
            advisors.isError
              ? t('decisions.assignment.advisorsUnavailable')
              : t('decisions.assignment.advisorHint', { branch: targetBranch })
          }
          error={messageFor('advisorId')}
        >
          {(control) => (
            <select
              {...control}
              value={draft.advisorId}
              onChange={set('advisorId')}
              aria-busy={advisors.isPending}
            >
              <option value="">{t('decisions.assignment.advisorNoneOption')}</option>
              {draft.advisorId && !choices.some((choice) => choice.id === draft.advisorId) ? (
                <option value={draft.advisorId}>
                  {draft.advisorId === customer.advisorId
                    ? (advisorName ?? draft.advisorId)
                    : draft.advisorId}
                </option>
              ) : null}
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </select>
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
