/** Roles, users and teams share one prefix: assigning a role changes the role's counts too. */
export const securityRoleKeys = {
  all: (environmentId: string) => ['environments', environmentId, 'users-permissions'] as const,
  roles: (environmentId: string) => [...securityRoleKeys.all(environmentId), 'security-roles'] as const,
  users: (environmentId: string) => [...securityRoleKeys.all(environmentId), 'users'] as const,
  teams: (environmentId: string) => [...securityRoleKeys.all(environmentId), 'teams'] as const,
};
