/** One privacy request: its state and the progress of its job. */
import type { Route } from '#schemas/routes.ts';
import { NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { getRequest } from '../store/privacy-requests-store.ts';
import { shownRequest } from './shown-request.ts';

export const getPrivacyRequest: RouteHandler<Route<'getPrivacyRequest'>> = async ({ params }) => {
  const request = await getRequest(params.requestId);
  if (!request) throw new NotFound('No privacy request has this id.');
  return shownRequest(request);
};
