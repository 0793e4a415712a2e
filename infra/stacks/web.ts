/**
 * The web front end: a private bucket served by CloudFront (origin access control, SPA fallback,
 * security headers), and the deployment of the built SPA with the `config.json` it reads at run
 * time (API URL, Cognito endpoints), the same file the local sandbox serves.
 */
import {
  type Acknowledgment,
  DefaultStackSynthesizer,
  Duration,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { WebConfig } from '#web/src/lib/config.ts';

/**
 * Name of the CDK bootstrap asset bucket as cdk-nag spells it: account and region each appear
 * as a token (`<AWS::AccountId>`) unless the environment resolves them (the CLI resolves the
 * region from its configuration even without credentials).
 */
const assetBucketNames = (stack: Stack): string[] => {
  const qualifier =
    (stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ??
    DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  return [
    ...new Set([
      `cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>`,
      `cdk-${qualifier}-assets-${account}-${region}`,
    ]),
  ];
};

export type WebHostingProps = {
  /** Bucket receiving the S3 access logs and the CloudFront standard logs. */
  accessLogs: IBucket;
  /**
   * A custom domain with its ACM certificate (us-east-1), which lets CloudFront refuse anything
   * older than TLS 1.2; the default `*.cloudfront.net` certificate cannot.
   * @default the distribution's own domain
   */
  customDomain?: { domainName: string; certificate: ICertificate };
  /**
   * ARN of an AWS WAF web ACL (scope CLOUDFRONT, in us-east-1) to attach.
   * @default none
   */
  webAclArn?: string;
};

/** The private web bucket and the CloudFront distribution in front of it. */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<domain>`, without a trailing slash. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'web/',
      // Rebuilt from the repository on every deployment: nothing here to keep.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // The API and the hosted UI live on per-deployment hosts; their host names would make a
    // dependency cycle (the API's CORS origin is this distribution), so their domains are named.
    const cognito = `https://*.auth.${region}.amazoncognito.com`;
    const api = `https://*.execute-api.${region}.amazonaws.com`;
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Relais web: CSP, HSTS, no framing, no sniffing',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            `connect-src 'self' ${api} ${cognito}`,
            `form-action 'self' ${cognito}`,
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "object-src 'none'",
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Relais web front end',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      // Client-side routes (/customers/42) exist only in the SPA: S3 answers 403 for them.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
      ...(props.customDomain
        ? {
            domainNames: [props.customDomain.domainName],
            certificate: props.customDomain.certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });
    this.origin = `https://${props.customDomain?.domainName ?? this.distribution.distributionDomainName}`;

    const suppressions: Acknowledgment[] = [
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Staff work from branches and on the move; access is gated by Cognito sign-in with MFA.',
      },
    ];
    if (!props.webAclArn) {
      suppressions.push({
        id: 'AwsSolutions-CFR2',
        reason:
          'A CloudFront web ACL must live in us-east-1; pass webAclArn to attach one. The SPA is static and the API it calls is authenticated.',
      });
    }
    if (!props.customDomain) {
      suppressions.push({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS policy cannot be raised; pass customDomain for TLS 1.2+.',
      });
    }
    Validations.of(this.distribution).acknowledge(...suppressions);
  }
}

export type WebContentProps = {
  hosting: WebHosting;
  /** Directory of the built SPA (`npm run build:web`). */
  webDist: string;
  config: WebConfig;
};

/** Uploads the built SPA and its `config.json`, then invalidates what must not be stale. */
export class WebContent extends Construct {
  constructor(scope: Construct, id: string, props: WebContentProps) {
    super(scope, id);
    const { bucket, distribution } = props.hosting;
    const entryFiles = ['index.html', 'config.json'];

    // Hashed assets never change under a name: cached for a year. `exclude` also keeps the
    // entry files below from being pruned by this deployment.
    const assets = new BucketDeployment(this, 'Assets', {
      sources: [Source.asset(props.webDist)],
      destinationBucket: bucket,
      exclude: entryFiles,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });

    // The entry points are revalidated on every load, so a deployment shows at once; they are
    // uploaded after the assets they reference.
    const entries = new BucketDeployment(this, 'EntryPoints', {
      sources: [Source.asset(props.webDist), Source.jsonData('config.json', props.config)],
      destinationBucket: bucket,
      exclude: ['*'],
      include: entryFiles,
      prune: false,
      cacheControl: [CacheControl.noCache()],
      distribution,
      distributionPaths: entryFiles.map((file) => `/${file}`),
      memoryLimit: 512,
    });
    entries.node.addDependency(assets);

    // The deployment provider is a CDK singleton Lambda at the stack root, written by aws-cdk-lib.
    const stack = Stack.of(this);
    const provider = stack.node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    const owned = "BucketDeployment's provider Lambda (CDK-owned)";
    const copies = `${owned} reads the CDK asset bucket, writes and prunes the web bucket, and invalidates the distribution.`;
    const reasons: Acknowledgment[] = [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: `${owned} writes its logs with the AWS-managed basic execution role.`,
      },
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: copies,
      })),
      ...assetBucketNames(stack).map((name) => ({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${name}/*]`,
        reason: `${owned} reads any object of the CDK asset bucket: the asset keys are content hashes.`,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(bucket.node.defaultChild as CfnBucket)}.Arn>/*]`,
        reason: `${owned} writes and prunes every object of the web bucket.`,
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: `${owned} calls cloudfront:CreateInvalidation/GetInvalidation, which CDK grants on *.`,
      },
      {
        id: 'AwsSolutions-L1',
        reason: `${owned}: its runtime is chosen by aws-cdk-lib, not by this project.`,
      },
    ];
    if (provider) Validations.of(provider).acknowledge(...reasons);
  }
}
