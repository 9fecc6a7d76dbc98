import type { AuditFilters } from './get-audit-entries.ts';

/** Under the environment's prefix: any write in the environment can refresh its audit history at once. */
export const auditKeys = {
  all: (environmentId: string) => ['environments', environmentId, 'audit'] as const,
  list: (environmentId: string, filters: AuditFilters) => [...auditKeys.all(environmentId), 'list', filters] as const,
};
