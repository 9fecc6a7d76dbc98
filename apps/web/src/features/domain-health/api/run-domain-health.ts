import { apiPaths, type DomainHealthListResponse } from '@sync-admin/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { domainHealthKeys } from './query-keys.ts';

/** Runs the checks now: one domain, or every domain when none is given. Answers with the domains checked. */
export const runDomainHealth = (environmentId: string, domain?: string) =>
  api.post<DomainHealthListResponse>(apiPaths.domainHealthRun(environmentId), domain ? { domain } : {});

export function useRunDomainHealth(environmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (domain?: string) => runDomainHealth(environmentId, domain),
    // The answer holds the fresh rows: shown at once, then the whole list is read again.
    onSuccess: async (checked) => {
      queryClient.setQueryData<DomainHealthListResponse>(domainHealthKeys.list(environmentId), (current) => current && {
        items: current.items.map((row) => checked.items.find((fresh) => fresh.domain === row.domain) ?? row),
      });
      await queryClient.invalidateQueries({ queryKey: domainHealthKeys.all(environmentId) });
    },
  });
}
