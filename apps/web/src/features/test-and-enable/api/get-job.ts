import { apiPaths, type RunResponse } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { LIVE_REFRESH_MS, isJobLive } from '../lib/job-liveness.ts';
import { jobKeys } from './query-keys.ts';

export const getJob = (environmentId: string, jobId: string) => api.get<RunResponse>(apiPaths.job(environmentId, jobId));

export const getJobQueryOptions = (environmentId: string, jobId: string) =>
  queryOptions({
    queryKey: jobKeys.detail(environmentId, jobId),
    queryFn: () => getJob(environmentId, jobId),
    // Polled until the job's last mailbox ends; then it no longer changes.
    refetchInterval: (query) => (query.state.data && isJobLive(query.state.data) ? LIVE_REFRESH_MS : false),
  });

export const useJob = (environmentId: string, jobId: string) => useQuery(getJobQueryOptions(environmentId, jobId));
