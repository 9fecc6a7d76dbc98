import type { EnvironmentResponse } from '@sync-admin/contract';

export const SECURITY_ROLE_READ_REQUIRED = 'You need Read privilege on Security Role to see security roles, users and teams.';

export const canReadSecurityRoles = (environment: EnvironmentResponse) =>
  environment.privileges['securityRole.read'] !== undefined;

export const canWriteSecurityRoles = (environment: EnvironmentResponse) =>
  environment.privileges['securityRole.write'] !== undefined;
