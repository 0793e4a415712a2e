/** The privacy officer's requests: the open ones (the default) or all, the next due first. */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { isOpen } from '../domain/privacy-requests.ts';
import { listRequests } from '../store/privacy-requests-store.ts';
import { shownRequest } from './shown-request.ts';

export const listPrivacyRequests: RouteHandler<Route<'listPrivacyRequests'>> = async ({ query }) => {
  const requests = await listRequests();
  return {
    items: (query.state === 'all' ? requests : requests.filter(isOpen)).map((request) =>
      shownRequest(request),
    ),
  };
};
