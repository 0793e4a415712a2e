/** The bank's organisation as the CRM knows it: branches and their staff. */

import { Id } from '../common.ts';
import { Role } from '../roles.ts';
import * as z from '../zod.ts';

export const Branch = z
  .object({ id: Id, name: z.string(), city: z.string(), postalCode: z.string() })
  .register(z.globalRegistry, { id: 'Branch' });
export type Branch = z.infer<typeof Branch>;

/** What the API's root answers: what this is and where it is described (for a person who opens it). */
export const ApiRoot = z
  .object({ service: z.string(), description: z.string(), openapi: z.string() })
  .register(z.globalRegistry, { id: 'ApiRoot' });

/** Someone a customer can be assigned to: an advisor or the manager of a branch. */
export const Advisor = z
  .object({ id: z.string(), name: z.string(), roles: z.array(Role) })
  .register(z.globalRegistry, { id: 'Advisor' });
export type Advisor = z.infer<typeof Advisor>;

export const BranchParams = z.object({ branchId: Id });

export const Me = z
  .object({ id: z.string(), name: z.string(), roles: z.array(Role), branchId: z.optional(Id) })
  .register(z.globalRegistry, { id: 'Me' });
