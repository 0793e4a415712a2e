/**
 * The forecast of an advisor's or a branch's pipeline over a month or a quarter, and for a
 * branch each advisor's. Amounts only: no customer is shown, so nothing is audited.
 */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { pipelineInScope } from '../opportunities/pipeline-scope.ts';
import { pipelineClosing } from '../store/opportunities-store.ts';
import { forecastOf, periodBounds, rollUp } from './forecast.ts';

export const getForecast: RouteHandler<Route<'getForecast'>> = async ({ query, caller }) => {
  const of = await pipelineInScope(caller, query);
  const { from, until } = periodBounds(query.period);
  const deals = await pipelineClosing(of, from, until);
  return {
    period: query.period,
    from,
    until,
    forecast: forecastOf(deals, query.period, query.family),
    ...('branchId' in of ? { byAdvisor: rollUp(deals, query.period, query.family).byAdvisor } : {}),
  };
};
