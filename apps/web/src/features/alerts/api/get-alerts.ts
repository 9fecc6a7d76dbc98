import { apiPaths, type AlertResponse, type AlertListResponse, type AlertGroupListResponse } from '@sync-admin/contract';
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
function filterParams(filters: AlertFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.mailboxId) params.set('mailboxId', filters.mailboxId);
  if (filters.serverProfileId) params.set('serverProfileId', filters.serverProfileId);
  if (filters.severity) params.set('severity', filters.severity);
  if (filters.search) params.set('search', filters.search);
  if (filters.mine) params.set('mine', 'true');
  return params;
}

function toSearchParams(filters: AlertFilters, offset: number): URLSearchParams {
  const params = filterParams(filters);
  params.set('offset', String(offset));
  params.set('limit', String(ALERTS_PAGE_SIZE));
  return params;
}

/** Export to CSV: every alert of the filters shown, one line each (grouped or not on screen). */
export const alertsExportHref = (environmentId: string, filters: AlertFilters) =>
  `${apiPaths.alertExport(environmentId)}?${filterParams(filters).toString()}`;

export const getAlerts = (environmentId: string, filters: AlertFilters, offset: number) =>
  api.get<AlertListResponse>(`${apiPaths.alerts(environmentId)}?${toSearchParams(filters, offset).toString()}`);

/** The wall grouped by mailbox (or profile) and code, each group with its count and next step. */
export const getAlertGroups = (environmentId: string, filters: AlertFilters, offset: number) =>
  api.get<AlertGroupListResponse>(`${apiPaths.alertGroups(environmentId)}?${toSearchParams(filters, offset).toString()}`);

/** The next page starts where the loaded ones end; none once every entry is loaded. */
const nextOffset = (lastPage: { items: unknown[]; total: number }, pages: { items: unknown[] }[]) => {
  const loaded = pages.reduce((count, page) => count + page.items.length, 0);
  return lastPage.items.length > 0 && loaded < lastPage.total ? loaded : undefined;
};

export const getAlertsQueryOptions = (environmentId: string, filters: AlertFilters) =>
  infiniteQueryOptions({
    queryKey: alertKeys.list(environmentId, filters),
    queryFn: ({ pageParam }) => getAlerts(environmentId, filters, pageParam),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
  });

export const getAlertGroupsQueryOptions = (environmentId: string, filters: AlertFilters) =>
  infiniteQueryOptions({
    queryKey: alertKeys.groups(environmentId, filters),
    queryFn: ({ pageParam }) => getAlertGroups(environmentId, filters, pageParam),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
  });

// While new filters load, the current entries stay on screen instead of a spinner.
export const useAlerts = (environmentId: string, filters: AlertFilters, options: { enabled: boolean }) =>
  useInfiniteQuery({ ...getAlertsQueryOptions(environmentId, filters), enabled: options.enabled, placeholderData: keepPreviousData });

export const useAlertGroups = (environmentId: string, filters: AlertFilters, options: { enabled: boolean }) =>
  useInfiniteQuery({ ...getAlertGroupsQueryOptions(environmentId, filters), enabled: options.enabled, placeholderData: keepPreviousData });
