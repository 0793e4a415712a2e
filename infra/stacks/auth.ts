/**
 * Staff sign-in: the Cognito user pool (one group per role, `custom:branchId` set by admins
 * only), its hosted-UI domain and the SPA's app client (authorization code + PKCE).
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { allRoles, type Role } from '#schemas/roles.ts';

const roleDescriptions: Record<Role, string> = {
  advisor: 'Branch advisor: customers and sales of their branch',
  branch_manager: 'Branch manager: the branch, its advisors and objectives',
  service_agent: 'Contact-centre agent: every customer, service requests and complaints',
  compliance_officer: 'Compliance officer: KYC decisions, the complaints register, campaign approval',
  privacy_officer: "Privacy officer: the customers' data protection requests (access, erasure)",
  marketer: 'Marketer: campaigns and aggregates',
  analyst: 'Analyst: the pseudonymised lake',
  admin: 'Administrator: users, branches, audit trail',
};

/** OAuth scopes the SPA asks for; the ID token it sends carries the claims the API reads. */
export const spaScopes = [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE];

export type AuthProps = {
  /** Origin of the web front end, e.g. `https://d123.cloudfront.net` (no trailing slash). */
  webOrigin: string;
  /**
   * Prefix of the hosted-UI domain `<prefix>.auth.<region>.amazoncognito.com`, unique per region.
   * @default `relais-<account id>`
   */
  domainPrefix?: string;
};

/** The user pool, its groups, hosted-UI domain and the web app client. */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      // Staff accounts are created by administrators, never by whoever finds the sign-up page.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: true, mutable: true },
      },
      customAttributes: {
        // Mutable so an admin can move an advisor; no app client may write it (see below).
        branchId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 12,
        tempPasswordValidity: Duration.days(3),
      },
      // Bank staff reach customer files: a password alone is not enough (authenticator app).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    allRoles.forEach((role, precedence) => {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        description: roleDescriptions[role],
        precedence,
      });
    });

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `relais-${Stack.of(this).account}` },
    });

    this.webClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: spaScopes,
        callbackUrls: [`${props.webOrigin}/auth/callback`],
        logoutUrls: [`${props.webOrigin}/`],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('branchId'),
      // `branchId` is absent on purpose: a user must not move themselves to another branch.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
  }

  /** Issuer of the pool's tokens, as the JWT authorizer checks it. */
  get issuerUrl(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }

  /** The hosted-UI endpoints the SPA uses. */
  get endpoints(): { authorizeUrl: string; tokenUrl: string; logoutUrl: string } {
    const base = this.domain.baseUrl();
    return {
      authorizeUrl: `${base}/oauth2/authorize`,
      tokenUrl: `${base}/oauth2/token`,
      logoutUrl: `${base}/logout`,
    };
  }
}
