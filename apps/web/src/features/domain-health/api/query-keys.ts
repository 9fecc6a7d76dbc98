/** Under the environment's prefix, like every other read of that environment. */
export const domainHealthKeys = {
  all: (environmentId: string) => ['environments', environmentId, 'domain-health'] as const,
  list: (environmentId: string) => [...domainHealthKeys.all(environmentId), 'list'] as const,
};
