import { apiPaths, type RunResponse } from '@sync-admin/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { mailboxKeys } from '../../mailboxes/api/query-keys.ts';
import { jobKeys } from './query-keys.ts';

/** Mailboxes not started yet end as cancelled; those being tested finish. */
export const cancelJob = (environmentId: string, jobId: string) => api.post<RunResponse>(apiPaths.jobCancel(environmentId, jobId));

export function useCancelJob(environmentId: string) {
  const queryClient = useQueryClient();
  // Refused or not, the job has moved on: every view of it is read again.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: jobKeys.all(environmentId) }),
      queryClient.invalidateQueries({ queryKey: mailboxKeys.all(environmentId) }),
    ]);
  return useMutation({
    mutationFn: (jobId: string) => cancelJob(environmentId, jobId),
    onSuccess: async (job) => {
      queryClient.setQueryData(jobKeys.detail(environmentId, job.id), job);
      await refresh();
    },
    onError: refresh,
  });
}
