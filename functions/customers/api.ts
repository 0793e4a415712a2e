/** The customers context over HTTP: composes one handler per use case, nothing else. */
import { customerRoutes } from '#schemas/customers/routes.ts';
import { httpApi } from '#shared/http/api.ts';
import { onceByKey } from '#shared/http/idempotency.ts';
import { listCustomerAudit } from './audit/list-customer-audit.ts';
import { updateConsents } from './consents/update-consents.ts';
import { changeKycStatus } from './customers/change-kyc-status.ts';
import { createCustomer } from './customers/create-customer.ts';
import { getCustomer } from './customers/get-customer.ts';
import { getCustomer360 } from './customers/get-customer-360.ts';
import { listAdvisorPortfolio } from './customers/list-advisor-portfolio.ts';
import { listBranchCustomers } from './customers/list-branch-customers.ts';
import { listCustomerTimeline } from './customers/list-customer-timeline.ts';
import { reassignCustomer } from './customers/reassign-customer.ts';
import { recordRelationshipEnd } from './customers/record-relationship-end.ts';
import { searchCustomers } from './customers/search-customers.ts';
import { updateCustomer } from './customers/update-customer.ts';

export const handler = httpApi(
  customerRoutes,
  {
    createCustomer,
    searchCustomers,
    getCustomer,
    updateCustomer,
    getCustomer360,
    listCustomerTimeline,
    updateConsents,
    changeKycStatus,
    recordRelationshipEnd,
    reassignCustomer,
    listCustomerAudit,
    listBranchCustomers,
    listAdvisorPortfolio,
  },
  { idempotency: onceByKey },
);
