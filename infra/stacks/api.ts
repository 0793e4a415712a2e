/**
 * The HTTP API: one route per entry of `schemas/routes.ts`, integrated with the Lambda of the
 * route's bounded context, behind a Cognito JWT authorizer (ID tokens) unless the route is public.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDefinition } from '#schemas/route-definition.ts';
import { routes } from '#schemas/routes.ts';
import { cors } from '../declaration/api.ts';

const pascal = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

/** One access-log line per request, JSON, with the caller's `sub` for the audit of who called what. */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    routeKey: '$context.routeKey',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
    responseLength: '$context.responseLength',
    sub: '$context.authorizer.claims.sub',
    authorizerError: '$context.authorizer.error',
    integrationError: '$context.integrationErrorMessage',
  }),
);

export type ApiProps = {
  /** The Lambda function serving a route (its context's, or its context's documents function). */
  handlers: (route: RouteDefinition) => IFunction;
  /** Issuer of the accepted JWTs (the Cognito user pool). */
  issuerUrl: string;
  /** Accepted `aud`: the web app client id (ID tokens carry the client id there). */
  audience: string;
  /** The web origin allowed by CORS, e.g. `https://d123.cloudfront.net`. */
  webOrigin: string;
  /** Origins of the bank's websites that post tracker events. */
  trackerOrigins: readonly string[];
  /**
   * Default stage throttling (requests per second, and burst).
   * @default { rateLimit: 200, burstLimit: 400 }
   */
  throttle?: { rateLimit: number; burstLimit: number };
};

/** The HTTP API, its default stage with access logs and throttling, and its routes. */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly routes: Record<string, HttpRoute>;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: 'relais',
      description: 'Relais API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [props.webOrigin, ...props.trackerOrigins],
        allowMethods: cors.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...cors.allowHeaders],
        exposeHeaders: [...cors.exposeHeaders],
        maxAge: Duration.seconds(cors.maxAgeSeconds),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });

    const authorizer = new HttpJwtAuthorizer('Cognito', props.issuerUrl, {
      jwtAudience: [props.audience],
      identitySource: ['$request.header.Authorization'],
    });
    // One integration per function: `SalesIntegration`, `SalesDocumentsIntegration`…
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationFor = (route: RouteDefinition) => {
      const id = `${pascal(route.context)}${route.response.document ? 'Documents' : ''}Integration`;
      const existing = integrations.get(id);
      if (existing) return existing;
      const created = new HttpLambdaIntegration(id, props.handlers(route));
      integrations.set(id, created);
      return created;
    };

    this.routes = Object.fromEntries(
      (routes as readonly RouteDefinition[]).map((route) => {
        // Write-key routes are authenticated by their handler (channels send no JWT).
        const isPublic = route.roles === 'public' || route.roles === 'writeKey';
        const httpRoute = new HttpRoute(this, `${pascal(route.id)}Route`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration: integrationFor(route),
          authorizer: isPublic ? undefined : authorizer,
        });
        if (isPublic) {
          Validations.of(httpRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason:
              route.roles === 'writeKey'
                ? `${route.method} ${route.path} authenticates channels with a hashed, revocable write key checked by its handler (${route.summary}).`
                : `${route.method} ${route.path} is public by design in schemas/routes.ts (${route.summary}).`,
          });
        }
        return [route.id, httpRoute];
      }),
    );
  }

  /** Base URL of the API (default stage, no path prefix). */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }
}
