/**
 * Which deals the board shows: for an advisor, theirs or their branch's; for a branch manager,
 * the branch's or one advisor's (by name); for an admin, a branch first, then the same; and for
 * everyone, optionally one closing month. A change applies at once.
 */
import { useId } from 'react';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import { useSalesTranslation } from '#web/src/features/sales/i18n.ts';
import {
  boardBranch,
  isMonth,
  type PipelineViewer,
  type ScopeChoice,
  viewerKind,
} from '#web/src/features/sales/utils/pipeline-scope.ts';
import { useBranchAdvisors } from '#web/src/lib/branch-advisors.ts';
import { useBranchNames } from '#web/src/lib/branches.ts';

export type PipelineFiltersProps = {
  viewer: PipelineViewer;
  choice: ScopeChoice;
  onChoice: (choice: ScopeChoice) => void;
  /** `2027-01`, or empty for every month. */
  closeMonth: string;
  onCloseMonth: (month: string) => void;
};

export const PipelineFilters = ({
  viewer,
  choice,
  onChoice,
  closeMonth,
  onCloseMonth,
}: PipelineFiltersProps) => {
  const { t } = useSalesTranslation();
  const id = useId();
  const kind = viewerKind(viewer);
  const branches = useBranchNames();
  const branchId = boardBranch(viewer, choice);
  const advisors = useBranchAdvisors(branchId, kind === 'manager' || kind === 'admin');
  const choices = advisors.data?.items ?? [];

  return (
    <section className="card pipeline-filters" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('pipeline.filters.title')}
      </h2>
      <div className="pipeline-filter-row">
        {kind === 'advisor' ? (
          <FormField id={`${id}-view`} label={t('pipeline.filters.view')}>
            {(control) => (
              <select
                {...control}
                value={choice.view}
                onChange={(event) =>
                  onChoice({ ...choice, view: event.target.value === 'branch' ? 'branch' : 'mine' })
                }
              >
                <option value="mine">{t('pipeline.filters.mine')}</option>
                {viewer.branchId ? <option value="branch">{t('pipeline.filters.branch')}</option> : null}
              </select>
            )}
          </FormField>
        ) : null}
        {kind === 'admin' ? (
          <FormField id={`${id}-branch`} label={t('pipeline.filters.branchLabel')}>
            {(control) => (
              <select
                {...control}
                value={choice.branchId}
                onChange={(event) => onChoice({ ...choice, branchId: event.target.value, advisorId: '' })}
              >
                <option value="">{t('pipeline.filters.chooseBranch')}</option>
                {[...branches].map(([branch, name]) => (
                  <option key={branch} value={branch}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
        {(kind === 'manager' || kind === 'admin') && branchId ? (
          <FormField
            id={`${id}-advisor`}
            label={t('pipeline.filters.advisor')}
            {...(advisors.isError ? { hint: t('pipeline.filters.advisorsUnavailable') } : {})}
          >
            {(control) => (
              <select
                {...control}
                value={choice.advisorId}
                aria-busy={advisors.isPending}
                onChange={(event) => onChoice({ ...choice, advisorId: event.target.value })}
              >
                <option value="">{t('pipeline.filters.allAdvisors')}</option>
                {choices.map((advisor) => (
                  <option key={advisor.id} value={advisor.id}>
                    {advisor.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
        <FormField
          id={`${id}-month`}
          label={t('pipeline.filters.month')}
          hint={t('pipeline.filters.monthHint')}
          {...(closeMonth && !isMonth(closeMonth) ? { error: t('pipeline.filters.monthInvalid') } : {})}
        >
          {(control) => (
            <div className="pipeline-month">
              <input
                {...control}
                type="month"
                placeholder={t('pipeline.filters.monthPlaceholder')}
                value={closeMonth}
                onChange={(event) => onCloseMonth(event.target.value)}
              />
              {closeMonth ? (
                <button type="button" className="button button-secondary" onClick={() => onCloseMonth('')}>
                  {t('pipeline.filters.clearMonth')}
                </button>
              ) : null}
            </div>
          )}
        </FormField>
      </div>
    </section>
  );
};
