import { apiPaths, type ServerProfileResponse } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { serverProfileKeys } from './query-keys.ts';

export const getServerProfile = (environmentId: string, profileId: string) =>
  api.get<ServerProfileResponse>(apiPaths.serverProfile(environmentId, profileId));

export const getServerProfileQueryOptions = (environmentId: string, profileId: string) =>
  queryOptions({
    queryKey: serverProfileKeys.detail(environmentId, profileId),
    queryFn: () => getServerProfile(environmentId, profileId),
    // While an outage holds its Test & Enable work, the profile is read again now and then to see it resume.
    refetchInterval: (query) => (query.state.data?.testAndEnableHold ? 30_000 : false),
  });

export const useServerProfile = (environmentId: string, profileId: string) =>
  useQuery(getServerProfileQueryOptions(environmentId, profileId));
