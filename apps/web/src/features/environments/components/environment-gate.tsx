import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { EnvironmentResponse } from '@sync-admin/contract';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { useEnvironment } from '../api/get-environments.ts';

/** Renders an environment's page only once that environment is known to be one the user can reach. */
export function EnvironmentGate({ children }: { children: (environment: EnvironmentResponse) => ReactNode }) {
  const { environmentId } = useParams();
  const { environment, isPending, isError, error, refetch } = useEnvironment(environmentId);
  if (isPending) return <Spinner label="Loading environment…" />;
  if (isError) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (!environment) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>This environment doesn&apos;t exist or you don&apos;t have access to it.</MessageBarBody>
      </MessageBar>
    );
  }
  return children(environment);
}

export const canWriteServerProfiles = (environment: EnvironmentResponse) =>
  environment.privileges['emailServerProfile.write'] !== undefined;

export const canWriteMailboxes = (environment: EnvironmentResponse) => environment.privileges['mailbox.write'] !== undefined;
