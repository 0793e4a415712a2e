/**
 * The platform context over HTTP: the API's root and document, the caller's identity, the
 * branch directory and its advisors, the privacy officer's requests. Composes one handler per
 * use case, nothing else.
 */
import { platformRoutes } from '#schemas/platform/routes.ts';
import { httpApi } from '#shared/http/api.ts';
import { onceByKey } from '#shared/http/idempotency.ts';
import { getApiRoot } from './api-description/get-api-root.ts';
import { getOpenApi } from './api-description/get-open-api.ts';
import { getMe } from './directory/get-me.ts';
import { listBranchAdvisors } from './directory/list-branch-advisors.ts';
import { listBranches } from './directory/list-branches.ts';
import { confirmErasure } from './gdpr/requests/confirm-erasure.ts';
import { downloadPrivacyExport } from './gdpr/requests/download-privacy-export.ts';
import { getPrivacyRequest } from './gdpr/requests/get-privacy-request.ts';
import { listPrivacyRequests } from './gdpr/requests/list-privacy-requests.ts';
import { openPrivacyRequest } from './gdpr/requests/open-privacy-request.ts';

export const handler = httpApi(
  platformRoutes,
  {
    getApiRoot,
    getOpenApi,
    getMe,
    listBranches,
    listBranchAdvisors,
    openPrivacyRequest,
    listPrivacyRequests,
    getPrivacyRequest,
    downloadPrivacyExport,
    confirmErasure,
  },
  { idempotency: onceByKey },
);
