import type { PrivilegeSet } from './privileges.ts';
import type { TenantRole } from './tenant-roles.ts';

/** The signed-in user as seen in one environment. */
export interface Actor {
  userId: string;
  email: string;
  tenantRoles: TenantRole[];
  /** Names of the security roles held in this environment. */
  securityRoles: string[];
  privileges: PrivilegeSet;
}
