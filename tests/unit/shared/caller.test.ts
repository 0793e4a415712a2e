import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { callerFromEvent } from '#shared/caller.ts';
import { Unauthenticated } from '#shared/errors.ts';

const eventWith = (claims: Record<string, unknown> | undefined) =>
  ({
    requestContext: { authorizer: claims ? { jwt: { claims, scopes: [] } } : undefined },
  }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

describe('the caller from JWT claims', () => {
  it('reads groups as API Gateway gives them ("[a b]") and the branch', () => {
    const caller = callerFromEvent(
      eventWith({
        sub: 'u-1',
        name: 'Camille Martin',
        'cognito:groups': '[advisor branch_manager]',
        'custom:branchId': 'br-lyon',
      }),
    );
    expect(caller).toEqual({
      id: 'u-1',
      name: 'Camille Martin',
      roles: ['advisor', 'branch_manager'],
      branchId: 'br-lyon',
    });
  });

  it('ignores groups that are not Relais roles', () => {
    expect(
      callerFromEvent(eventWith({ sub: 'u-1', 'cognito:groups': ['admin', 'us-east-1_xyz_Google'] })).roles,
    ).toEqual(['admin']);
  });

  it('refuses an event without claims', () => {
    expect(() => callerFromEvent(eventWith(undefined))).toThrow(Unauthenticated);
  });
});
