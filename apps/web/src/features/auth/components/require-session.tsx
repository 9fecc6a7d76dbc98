import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { LoadingSpinner } from '../../../components/loading-spinner.tsx';
import { paths } from '../../../config/paths.ts';
import { useSession } from '../api/get-session.ts';

/** Guards every page but sign-in; a lost session (401 anywhere) lands here as null and goes to sign-in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = useSession();
  if (session.isPending) return <LoadingSpinner />;
  if (session.isError) return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    return <Navigate to={paths.signIn.getHref(location.pathname + location.search)} replace />;
  }
  return children;
}
