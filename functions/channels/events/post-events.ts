/** `POST /v1/events`: a channel's batch, answered 200, or 207 when some events were refused. */
import type { Route } from '#schemas/routes.ts';
import { type RouteHandler, withStatus } from '#shared/http/api.ts';
import { ingestEvents } from '../ingest-events.ts';

export const postEvents: RouteHandler<Route<'ingestEvents'>> = async ({ body, event, writeKey }) => {
  const answer = await ingestEvents({
    request: body,
    writeKey,
    sourceIp: event.requestContext.http.sourceIp,
    receivedAt: new Date(),
  });
  return answer.status === 207 ? withStatus(207, answer.body) : answer.body;
};
