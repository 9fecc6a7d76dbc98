import type { RunItemState, RunState } from '@sync-admin/contract';

export interface JobListFilter {
  state?: RunState;
  serverProfileId?: string;
  offset: number;
  limit: number;
}

export interface JobItemFilter {
  state?: RunItemState;
  offset: number;
  limit: number;
}

/** Under the environment's prefix, so one invalidation refreshes every list, job and page of items. */
export const jobKeys = {
  all: (environmentId: string) => ['environments', environmentId, 'jobs'] as const,
  list: (environmentId: string, filter: JobListFilter) => [...jobKeys.all(environmentId), 'list', filter] as const,
  detail: (environmentId: string, jobId: string) => [...jobKeys.all(environmentId), 'detail', jobId] as const,
  items: (environmentId: string, jobId: string, filter: JobItemFilter) => [...jobKeys.all(environmentId), 'items', jobId, filter] as const,
};
