import { apiPaths, type RunListResponse } from '@sync-admin/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { LIVE_REFRESH_MS, isJobLive } from '../lib/job-liveness.ts';
import { jobKeys, type JobListFilter } from './query-keys.ts';

/** Newest first; only the filters that are set travel. */
export function getJobs(environmentId: string, filter: JobListFilter) {
  const params = new URLSearchParams();
  if (filter.state) params.set('state', filter.state);
  if (filter.serverProfileId) params.set('serverProfileId', filter.serverProfileId);
  params.set('offset', String(filter.offset));
  params.set('limit', String(filter.limit));
  return api.get<RunListResponse>(`${apiPaths.jobs(environmentId)}?${params.toString()}`);
}

export const getJobsQueryOptions = (environmentId: string, filter: JobListFilter) =>
  queryOptions({
    queryKey: jobKeys.list(environmentId, filter),
    queryFn: () => getJobs(environmentId, filter),
    // Polled while a job on the page is still going, so its progress bar moves by itself.
    refetchInterval: (query) => (query.state.data?.items.some(isJobLive) ? LIVE_REFRESH_MS : false),
  });

export const useJobs = (environmentId: string, filter: JobListFilter) =>
  useQuery({ ...getJobsQueryOptions(environmentId, filter), placeholderData: keepPreviousData });
