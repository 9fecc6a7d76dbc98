import { apiPaths, type AuditEntryResponse, type AuditListResponse } from '@sync-admin/contract';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { auditKeys } from './query-keys.ts';

export type AuditedEntityType = AuditEntryResponse['entityType'];
export type AuditAction = AuditEntryResponse['action'];

export interface AuditFilters {
  entityType?: AuditedEntityType;
  entityId?: string;
  action?: AuditAction;
  search?: string;
  /** ISO 8601 date-times, inclusive. */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 25;

function filterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['entityType', 'entityId', 'action', 'search', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

function toSearchParams(filters: AuditFilters, offset: number): URLSearchParams {
  const params = filterParams(filters);
  params.set('offset', String(offset));
  params.set('limit', String(AUDIT_PAGE_SIZE));
  return params;
}

/** Export to CSV: every entry of the filters shown. */
export const auditExportHref = (environmentId: string, filters: AuditFilters) =>
  `${apiPaths.auditExport(environmentId)}?${filterParams(filters).toString()}`;

export const getAuditEntries = (environmentId: string, filters: AuditFilters, offset: number) =>
  api.get<AuditListResponse>(`${apiPaths.audit(environmentId)}?${toSearchParams(filters, offset).toString()}`);

export const getAuditEntriesQueryOptions = (environmentId: string, filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(environmentId, filters),
    queryFn: ({ pageParam }) => getAuditEntries(environmentId, filters, pageParam),
    initialPageParam: 0,
    getNextPageParam: (lastPage, pages) => {
      const loaded = pages.reduce((count, page) => count + page.items.length, 0);
      return lastPage.items.length > 0 && loaded < lastPage.total ? loaded : undefined;
    },
  });

export const useAuditEntries = (environmentId: string, filters: AuditFilters, options: { enabled: boolean }) =>
  useInfiniteQuery({
    ...getAuditEntriesQueryOptions(environmentId, filters),
    enabled: options.enabled,
    // While new filters load, the current entries stay on screen instead of a spinner.
    placeholderData: keepPreviousData,
  });
