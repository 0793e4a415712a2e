/** The bank's organisation as the CRM knows it: branches and their staff. */
import * as z from 'zod';
import { Id } from '../common.ts';
import { Role } from '../roles.ts';

export const Branch = z
  .object({ id: Id, name: z.string(), city: z.string(), postalCode: z.string() })
  .meta({ id: 'Branch' });
export type Branch = z.infer<typeof Branch>;

/** What the API's root answers: what this is and where it is described (for a person who opens it). */
export const ApiRoot = z
  .object({ service: z.string(), description: z.string(), openapi: z.string() })
  .meta({ id: 'ApiRoot' });

/** Someone a customer can be assigned to: an advisor or the manager of a branch. */
export const Advisor = z
  .object({ id: z.string(), name: z.string(), roles: z.array(Role) })
  .meta({ id: 'Advisor' });
export type Advisor = z.infer<typeof Advisor>;

export const BranchParams = z.object({ branchId: Id });

export const Me = z
  .object({ id: z.string(), name: z.string(), roles: z.array(Role), branchId: Id.optional() })
  .meta({ id: 'Me' });
