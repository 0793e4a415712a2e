/** The sandbox's staff: the users the local token issuer signs in, one or more per role. */
import type { Role } from '#schemas/roles.ts';

export type StaffMember = {
  /** Login, e.g. `camille.martin`. */
  username: string;
  /** Demo password; the sandbox prints it. Never used outside the sandbox. */
  password: string;
  /** Stable subject (Cognito `sub`). */
  sub: string;
  name: string;
  email: string;
  roles: Role[];
  /** Advisors and branch managers belong to a branch. */
  branchId?: string;
};
