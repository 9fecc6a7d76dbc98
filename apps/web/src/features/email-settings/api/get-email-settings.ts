import { apiPaths, type EmailSettingsResponse } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { emailSettingsKeys } from './query-keys.ts';

export const getEmailSettings = (environmentId: string) =>
  api.get<EmailSettingsResponse>(apiPaths.emailSettings(environmentId));

export const getEmailSettingsQueryOptions = (environmentId: string) =>
  queryOptions({
    queryKey: emailSettingsKeys.detail(environmentId),
    queryFn: () => getEmailSettings(environmentId),
  });

export const useEmailSettings = (environmentId: string) => useQuery(getEmailSettingsQueryOptions(environmentId));
