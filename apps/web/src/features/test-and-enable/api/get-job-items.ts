import { apiPaths, type RunResponse, type RunItemListResponse } from '@sync-admin/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { LIVE_REFRESH_MS, isJobLive } from '../lib/job-liveness.ts';
import { jobKeys, type JobItemFilter } from './query-keys.ts';

/** One page of a job's mailboxes, optionally of one item state. */
export function getJobItems(environmentId: string, jobId: string, filter: JobItemFilter) {
  const params = new URLSearchParams();
  if (filter.state) params.set('state', filter.state);
  params.set('offset', String(filter.offset));
  params.set('limit', String(filter.limit));
  return api.get<RunItemListResponse>(`${apiPaths.jobItems(environmentId, jobId)}?${params.toString()}`);
}

export const getJobItemsQueryOptions = (environmentId: string, job: RunResponse, filter: JobItemFilter) =>
  queryOptions({
    // The job's end is part of the key, so the page is read once more, final, when the job finishes.
    queryKey: [...jobKeys.items(environmentId, job.id, filter), job.finishedAt] as const,
    queryFn: () => getJobItems(environmentId, job.id, filter),
    refetchInterval: isJobLive(job) ? LIVE_REFRESH_MS : false,
  });

/** Keeps the rows on screen while another page or state loads, so the grid never blanks out. */
export const useJobItems = (environmentId: string, job: RunResponse, filter: JobItemFilter) =>
  useQuery({ ...getJobItemsQueryOptions(environmentId, job, filter), placeholderData: keepPreviousData });
