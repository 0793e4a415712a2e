/**
 * Reads the caller from the JWT claims that the API Gateway authorizer (or the sandbox's
 * equivalent) verified. Cognito ID tokens carry `cognito:groups` and `custom:branchId`.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { type Caller, Role } from '#schemas/roles.ts';
import { Unauthenticated } from './errors.ts';

/**
 * API Gateway HTTP API passes array claims as a string such as `[advisor branch_manager]`;
 * the sandbox passes them as an array. Both are accepted.
 */
const groupsOf = (claim: unknown): string[] => {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  return claim
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
};

/** The authenticated caller; throws `Unauthenticated` when there are no usable claims. */
export const callerFromEvent = (event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller => {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (!claims || typeof sub !== 'string') throw new Unauthenticated();
  const roles = groupsOf(claims['cognito:groups']).flatMap((g) => {
    const role = Role.safeParse(g);
    return role.success ? [role.data] : [];
  });
  const branchId = claims['custom:branchId'];
  const name = claims.name ?? claims['cognito:username'] ?? sub;
  return {
    id: sub,
    name: String(name),
    roles,
    ...(typeof branchId === 'string' && branchId ? { branchId } : {}),
  };
};
