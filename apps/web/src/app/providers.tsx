import type { SessionResponse } from '@sync-admin/contract';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { sessionQueryKey } from '../features/auth/api/get-session.ts';
import { LanguageFollower } from '../features/language/components/language-follower.tsx';
import { ThemedFluentProvider } from '../features/theme/components/themed-fluent-provider.tsx';
import { ApiError, configureCsrfToken } from '../lib/api-client.ts';

// A 401 on any call means the session ended: forgetting it sends every page to sign-in through the guard.
const forgetSessionOn401 = (error: Error) => {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(sessionQueryKey, null);
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: forgetSessionOn401 }),
  mutationCache: new MutationCache({ onError: forgetSessionOn401 }),
  defaultOptions: {
    queries: {
      // Client errors (403, 404…) won't change on retry; only server or network failures might.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

configureCsrfToken(() => queryClient.getQueryData<SessionResponse | null>(sessionQueryKey)?.csrfToken);

export function Providers({ children }: { children: ReactNode }) {
  return (
    // The theme and the language are the signed-in user's choice, so the session's query client comes first.
    <QueryClientProvider client={queryClient}>
      <LanguageFollower />
      <ThemedFluentProvider>{children}</ThemedFluentProvider>
    </QueryClientProvider>
  );
}
