import { apiPaths, type ServerProfileListResponse } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ServerProfileView } from '../../../config/paths.ts';
import { api } from '../../../lib/api-client.ts';
import { serverProfileKeys } from './query-keys.ts';

export const getServerProfiles = (environmentId: string, view: ServerProfileView) =>
  api.get<ServerProfileListResponse>(`${apiPaths.serverProfiles(environmentId)}?view=${view}`);

export const getServerProfilesQueryOptions = (environmentId: string, view: ServerProfileView) =>
  queryOptions({
    queryKey: serverProfileKeys.list(environmentId, view),
    queryFn: () => getServerProfiles(environmentId, view),
  });

export const useServerProfiles = (environmentId: string, view: ServerProfileView) =>
  useQuery(getServerProfilesQueryOptions(environmentId, view));
