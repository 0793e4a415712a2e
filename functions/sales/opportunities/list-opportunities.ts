/**
 * A column of a pipeline: an advisor's or a branch's opportunities at one stage, by closing day,
 * optionally one month. Advisors and branch managers see their own branch's pipelines
 * (`pipeline-scope.ts`); every customer shown is audited.
 */
import type { Route } from '#schemas/routes.ts';
import { recordAccesses } from '#shared/audit.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { listPipeline } from '../store/opportunities-store.ts';
import { pipelineInScope } from './pipeline-scope.ts';

export const listOpportunities: RouteHandler<Route<'listOpportunities'>> = async ({
  query,
  caller,
  accessReason,
}) => {
  const of = await pipelineInScope(caller, query);
  const page = await listPipeline(
    { of, stage: query.stage, closeMonth: query.closeMonth },
    query.cursor,
    query.limit,
  );
  await recordAccesses(
    caller,
    [...new Set(page.items.map((item) => item.customerId))],
    'opportunity.list',
    accessReason,
  );
  return page;
};
