/**
 * The handler-overhead part of `npm run bench`: what the shared HTTP stack
 * (`functions/shared/http`: middy, the router, the logger's context, the caller and role check,
 * the response schema) adds to a request. It invokes the platform function's real handler on
 * `GET /v1/me`, which answers the caller from the JWT claims and touches no AWS service, and a
 * bare handler returning the same response, in this process, in alternating rounds, and reports
 * the median time per call of each and their ratio. No goal is set for it: the figure says what
 * a request pays before its own work starts.
 */
import { deepStrictEqual } from 'node:assert';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { functions } from '#infra/declaration/functions.ts';
import { lambdaContext } from '#local/lambda/lambda-context.ts';
import { formatTable, log, median } from './figures.ts';

export type HandlerOptions = {
  /** Invocations of each handler per round. */
  perRound: number;
  rounds: number;
};

type Handler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

const claims = {
  sub: 'bench-advisor',
  name: 'Camille Martin',
  'cognito:groups': '[advisor]',
  'custom:branchId': 'br-paris-01',
};

/** A `GET /v1/me` as API Gateway hands it over, the authorizer's claims included. */
const meEvent = (): APIGatewayProxyEventV2WithJWTAuthorizer =>
  ({
    version: '2.0',
    routeKey: 'GET /v1/me',
    rawPath: '/v1/me',
    rawQueryString: '',
    headers: { host: 'api.bench', accept: 'application/json' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } },
      domainName: 'api.bench',
      domainPrefix: 'api',
      http: {
        method: 'GET',
        path: '/v1/me',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId: 'bench',
      routeKey: 'GET /v1/me',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
  }) as APIGatewayProxyEventV2WithJWTAuthorizer;

/** The same answer with nothing around it: the claims read, the JSON written. */
const bareHandler: Handler = async (event) => {
  const given = event.requestContext.authorizer.jwt.claims;
  const body = {
    id: String(given.sub),
    name: String(given.name),
    roles: String(given['cognito:groups'])
      .replace(/^\[|\]$/g, '')
      .split(' '),
    branchId: String(given['custom:branchId']),
  };
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
};

/** Microseconds per call of `count` sequential invocations. */
const timeCalls = async (handler: Handler, count: number): Promise<number> => {
  const event = meEvent();
  // A context per round: its remaining time counts down, and the stack answers 503 near the end.
  const context = lambdaContext('platformApi', functions.platformApi.timeoutSeconds);
  const started = performance.now();
  for (let i = 0; i < count; i++) await handler(event, context);
  return ((performance.now() - started) * 1000) / count;
};

const comparable = (response: APIGatewayProxyStructuredResultV2) => ({
  statusCode: response.statusCode,
  contentType: response.headers?.['content-type'],
  body: JSON.parse(String(response.body)) as unknown,
});

/** Measures both handlers; answers the report's lines. */
export const handlerBench = async ({ perRound, rounds }: HandlerOptions): Promise<string[]> => {
  const { handler } = (await import('#functions/platform/api.ts')) as { handler: Handler };
  const context = lambdaContext('platformApi', functions.platformApi.timeoutSeconds);
  deepStrictEqual(
    comparable(await bareHandler(meEvent(), context)),
    comparable(await handler(meEvent(), context)),
    'the bare handler must answer what the stack answers',
  );
  log(
    `Handler overhead: GET /v1/me, ${rounds} rounds of ${perRound} calls each, stack and bare alternating…`,
  );
  // A first round of each warms the JIT and is not counted.
  await timeCalls(handler, perRound);
  await timeCalls(bareHandler, perRound);
  const stack: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < rounds; round++) {
    stack.push(await timeCalls(handler, perRound));
    bare.push(await timeCalls(bareHandler, perRound));
  }
  const [stackUs, bareUs] = [median(stack), median(bare)];
  return [
    `Handler overhead — GET /v1/me in process, median µs per call of ${rounds} rounds of ${perRound}`,
    ...formatTable(
      ['handler', '>µs per call', '>overhead µs', '>ratio'],
      [
        [
          'platform function (functions/shared/http)',
          stackUs.toFixed(1),
          (stackUs - bareUs).toFixed(1),
          `${(stackUs / bareUs).toFixed(1)}× (no goal set)`,
        ],
        ['bare handler, same response', bareUs.toFixed(1), '', ''],
      ],
    ),
  ];
};
