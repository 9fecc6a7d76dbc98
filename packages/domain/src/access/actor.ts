import type { PrivilegeSet } from './privileges.ts';
import type { TenantRole } from './tenant-roles.ts';

/** The signed-in user as seen in one environment. */
export interface Actor {
  userId: string;
  email: string;
  /** Shown in the audit log; the email (UPN) stands in when absent. */
  fullName?: string;
  tenantRoles: TenantRole[];
  /** Names of the security roles held in this environment. */
  securityRoles: string[];
  privileges: PrivilegeSet;
}
