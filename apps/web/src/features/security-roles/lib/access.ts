import type { EnvironmentResponse } from '@sync-admin/contract';

export const canReadSecurityRoles = (environment: EnvironmentResponse) =>
  environment.privileges['securityRole.read'] !== undefined;

export const canWriteSecurityRoles = (environment: EnvironmentResponse) =>
  environment.privileges['securityRole.write'] !== undefined;
