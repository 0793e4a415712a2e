/**
 * The sales context over HTTP: the product catalogue, the loan simulator and the savings
 * projection, the opportunities and their quotes (their documents: `documents.ts`), the
 * activities and meeting reports. Composes one handler per use case, nothing else.
 */
import { salesRoutes } from '#schemas/sales/routes.ts';
import { httpApi } from '#shared/http/api.ts';
import { onceByKey } from '#shared/http/idempotency.ts';
import { createTask } from './activities/create-task.ts';
import { listTasks } from './activities/list-tasks.ts';
import { logActivity } from './activities/log-activity.ts';
import { updateTask } from './activities/update-task.ts';
import { listProducts } from './catalogue/list-products.ts';
import { correctMeetingReport } from './meetings/correct-meeting-report.ts';
import { getMeetingReport } from './meetings/get-meeting-report.ts';
import { writeMeetingReport } from './meetings/write-meeting-report.ts';
import { getForecast } from './objectives/get-forecast.ts';
import { createOpportunity } from './opportunities/create-opportunity.ts';
import { getOpportunity } from './opportunities/get-opportunity.ts';
import { listOpportunities } from './opportunities/list-opportunities.ts';
import { moveOpportunityStage } from './opportunities/move-opportunity-stage.ts';
import { updateOpportunity } from './opportunities/update-opportunity.ts';
import { acceptQuote } from './quotes/accept-quote.ts';
import { issueQuote } from './quotes/issue-quote.ts';
import { listQuotes } from './quotes/list-quotes.ts';
import { projectSavings } from './simulator/project-savings.ts';
import { simulateLoan } from './simulator/simulate-loan.ts';

export const handler = httpApi(
  salesRoutes,
  {
    listProducts,
    simulateLoan,
    projectSavings,
    createOpportunity,
    getOpportunity,
    updateOpportunity,
    moveOpportunityStage,
    listOpportunities,
    getForecast,
    issueQuote,
    listQuotes,
    acceptQuote,
    logActivity,
    createTask,
    updateTask,
    listTasks,
    writeMeetingReport,
    correctMeetingReport,
    getMeetingReport,
  },
  { idempotency: onceByKey },
);
