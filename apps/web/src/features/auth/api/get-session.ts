import { apiPaths, type SessionResponse } from '@sync-admin/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api-client.ts';

/** Signed out is a normal state, not an error: the guard turns null into the sign-in page. */
export async function getSession(): Promise<SessionResponse | null> {
  try {
    return await api.get<SessionResponse>(apiPaths.session);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const sessionQueryKey = ['session'] as const;

export const getSessionQueryOptions = () =>
  queryOptions({ queryKey: sessionQueryKey, queryFn: getSession, staleTime: Infinity });

export const useSession = () => useQuery(getSessionQueryOptions());

/** For pages under RequireSession, which only renders them once a session is cached. */
export function useCurrentSession() {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession is only available under RequireSession.');
  return data;
}
