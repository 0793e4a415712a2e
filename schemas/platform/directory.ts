/** The bank's organisation as the CRM knows it: branches and their staff. */
import * as z from 'zod';
import { Id } from '../common.ts';
import { Role } from '../roles.ts';

export const Branch = z
  .object({ id: Id, name: z.string(), city: z.string(), postalCode: z.string() })
  .meta({ id: 'Branch' });
export type Branch = z.infer<typeof Branch>;

export const Me = z
  .object({ id: z.string(), name: z.string(), roles: z.array(Role), branchId: Id.optional() })
  .meta({ id: 'Me' });
