/**
 * Finds customers by a prefix of their names or company, typed with or without accents,
 * apostrophes or spaces (within the caller's branch unless they see every branch), or
 * by e-mail, phone or customer number (exact; results outside the scope are left out). Every
 * customer shown is recorded in the audit trail.
 */
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler, RouteRequest } from '#shared/http/api.ts';
import { canSeeBranch, seesAllBranches } from '#shared/scope.ts';
import { recordShown } from '../audit/record-access.ts';
import { compactName } from '../domain/customer.ts';
import { lookup, searchByTerm } from '../store/customer-finders.ts';

type Search = RouteRequest<Route<'searchCustomers'>>;

const find = async ({ query, caller }: Pick<Search, 'query' | 'caller'>) => {
  const scope = seesAllBranches(caller) ? undefined : caller.branchId;
  if (query.q) {
    if (!seesAllBranches(caller) && !caller.branchId) return { items: [] };
    const prefix = compactName(query.q);
    if (prefix.length < 2) return { items: [] };
    return searchByTerm(prefix, scope, query.cursor, query.limit);
  }
  const [kind, value] = query.email
    ? (['email', query.email] as const)
    : query.phone
      ? (['phone', query.phone] as const)
      : (['number', query.number ?? ''] as const);
  const found = await lookup(kind, value);
  return { items: found.filter((customer) => canSeeBranch(caller, customer.branchId)) };
};

export const searchCustomers: RouteHandler<Route<'searchCustomers'>> = async (request) =>
  recordShown(request.caller, await find(request), 'customer.search', request.accessReason);
