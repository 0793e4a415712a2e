/**
 * The Relais stack: composes storage, lake, secrets, messaging, functions, alarms, auth, API and web,
 * all built from `infra/declaration/` and `schemas/routes.ts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { BucketName } from '../declaration/storage.ts';
import { Alarms } from './alarms.ts';
import { Api } from './api.ts';
import { Auth, spaScopes } from './auth.ts';
import { Messaging } from './events.ts';
import { Functions, repositoryRoot } from './functions.ts';
import { Lake } from './lake.ts';
import { Secrets } from './secrets.ts';
import { Storage } from './storage.ts';
import { WebContent, WebHosting } from './web.ts';

/** Where `npm run build:web` writes the SPA. */
export const defaultWebDist = join(repositoryRoot, 'web', 'dist');

export type RelaisStackProps = StackProps & {
  /**
   * Directory of the built web front end.
   * @default `web/dist` in the repository
   */
  webDist?: string;
  /**
   * Prefix of the Cognito hosted-UI domain.
   * @default `relais-<account id>`
   */
  authDomainPrefix?: string;
  /**
   * Custom domain of the web front end, with its us-east-1 ACM certificate.
   * @default the CloudFront domain
   */
  webDomain?: { domainName: string; certificate: ICertificate };
  /**
   * AWS WAF web ACL (CLOUDFRONT scope) for the distribution.
   * @default none
   */
  webAclArn?: string;
  /**
   * Origins of the bank's own websites whose pages carry the tracker and post to
   * `POST /v1/events` (CORS), e.g. `https://www.banque.example`.
   * @default none (context `trackerOrigins`, comma-separated, in `infra/app.ts`)
   */
  trackerOrigins?: readonly string[];
};

/** The whole of Relais in one stack. */
export class RelaisStack extends Stack {
  readonly storage: Storage;
  readonly lake: Lake;
  readonly secrets: Secrets;
  /** The buckets of the declaration (`buckets`), by declared name. */
  readonly buckets: Record<BucketName, IBucket>;
  readonly messaging: Messaging;
  readonly compute: Functions;
  readonly auth: Auth;
  readonly api: Api;
  readonly web: WebHosting;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: RelaisStackProps = {}) {
    super(scope, id, props);
    // S3 access logs delivered under a bucket policy, not the deprecated LogDeliveryWrite ACL.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const webDist = props.webDist ?? defaultWebDist;
    if (!existsSync(join(webDist, 'index.html'))) {
      throw new Error(
        `The web front end is not built (no ${join(webDist, 'index.html')}): run npm run build:web`,
      );
    }

    this.storage = new Storage(this, 'Storage');
    this.lake = new Lake(this, 'Lake', { accessLogs: this.storage.accessLogs });
    this.secrets = new Secrets(this, 'Secrets');
    this.buckets = {
      lake: this.lake.bucket,
      auditArchive: this.storage.auditArchive,
      privacyExports: this.storage.privacyExports,
    };
    this.messaging = new Messaging(this, 'Messaging');
    this.compute = new Functions(this, 'Functions', {
      tables: this.storage.tables,
      queues: this.messaging.queues,
      bus: this.messaging.bus,
      buckets: this.buckets,
      secrets: this.secrets.secrets,
      lakeQueries: this.lake.queryTarget,
    });
    this.alarms = new Alarms(this, 'Alarms', {
      deadLetterQueues: this.messaging.deadLetterQueues,
      giveUpQueues: { streamFailures: this.messaging.queues.streamFailures },
      functions: this.compute.functions,
    });

    this.web = new WebHosting(this, 'Web', {
      accessLogs: this.storage.accessLogs,
      customDomain: props.webDomain,
      webAclArn: props.webAclArn,
    });
    this.auth = new Auth(this, 'Auth', { webOrigin: this.web.origin, domainPrefix: props.authDomainPrefix });
    this.api = new Api(this, 'Api', {
      handlers: (route) => this.compute.forRoute(route),
      issuerUrl: this.auth.issuerUrl,
      audience: this.auth.webClient.userPoolClientId,
      webOrigin: this.web.origin,
      trackerOrigins: props.trackerOrigins ?? [],
    });
    new WebContent(this, 'WebContent', {
      hosting: this.web,
      webDist,
      config: {
        apiUrl: this.api.url,
        auth: {
          ...this.auth.endpoints,
          clientId: this.auth.webClient.userPoolClientId,
          scopes: spaScopes.map((scope) => scope.scopeName),
        },
        region: this.region,
      },
    });

    new CfnOutput(this, 'WebUrl', { value: this.web.origin });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'LakeBucket', { value: this.lake.bucket.bucketName });
    new CfnOutput(this, 'AuditArchiveBucket', { value: this.storage.auditArchive.bucketName });
    new CfnOutput(this, 'AlarmTopicArn', {
      description: 'Subscribe the operators here: every DLQ, function error and throttle raises an alarm',
      value: this.alarms.topic.topicArn,
    });
    new CfnOutput(this, 'IdentityKeyArn', {
      description:
        "The key the bank's login service signs identity tokens with (grant it read, and on the KMS key decrypt)",
      value: this.secrets.secrets.identityKey.secretArn,
    });
  }
}
