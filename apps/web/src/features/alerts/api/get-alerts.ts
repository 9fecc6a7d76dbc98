import { alertListResponseSchema, apiPaths, type AlertResponse } from '@sync-admin/contract';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { alertKeys } from './query-keys.ts';

export type AlertSeverity = AlertResponse['severity'];

export interface AlertFilters {
  mailboxId?: string;
  serverProfileId?: string;
  severity?: AlertSeverity;
  search?: string;
  /** The profile owner's wall: alerts of the server profiles the signed-in user owns. */
  mine?: boolean;
}

export const ALERTS_PAGE_SIZE = 25;

/** Only the filters that are set travel, so the query key and the URL stay stable. */
function toSearchParams(filters: AlertFilters, offset: number): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.mailboxId) params.set('mailboxId', filters.mailboxId);
  if (filters.serverProfileId) params.set('serverProfileId', filters.serverProfileId);
  if (filters.severity) params.set('severity', filters.severity);
  if (filters.search) params.set('search', filters.search);
  if (filters.mine) params.set('mine', 'true');
  params.set('offset', String(offset));
  params.set('limit', String(ALERTS_PAGE_SIZE));
  return params;
}

export const getAlerts = (environmentId: string, filters: AlertFilters, offset: number) =>
  api.get(`${apiPaths.alerts(environmentId)}?${toSearchParams(filters, offset).toString()}`, alertListResponseSchema);

export const getAlertsQueryOptions = (environmentId: string, filters: AlertFilters) =>
  infiniteQueryOptions({
    queryKey: alertKeys.list(environmentId, filters),
    queryFn: ({ pageParam }) => getAlerts(environmentId, filters, pageParam),
    initialPageParam: 0,
    // The next page starts where the loaded ones end; none once every alert is loaded.
    getNextPageParam: (lastPage, pages) => {
      const loaded = pages.reduce((count, page) => count + page.items.length, 0);
      return lastPage.items.length > 0 && loaded < lastPage.total ? loaded : undefined;
    },
  });

export const useAlerts = (environmentId: string, filters: AlertFilters, options: { enabled: boolean }) =>
  useInfiniteQuery({
    ...getAlertsQueryOptions(environmentId, filters),
    enabled: options.enabled,
    // While new filters load, the current entries stay on screen instead of a spinner.
    placeholderData: keepPreviousData,
  });
