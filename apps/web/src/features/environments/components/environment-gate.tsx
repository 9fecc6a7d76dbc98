import { Spinner } from '@fluentui/react-components';
import type { EnvironmentResponse } from '@sync-admin/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { NotFound } from '../../../components/not-found.tsx';
import { paths } from '../../../config/paths.ts';
import { useEnvironment } from '../api/get-environments.ts';

/** Renders an environment's page only once that environment is known to be one the user can reach. */
export function EnvironmentGate({ children }: { children: (environment: EnvironmentResponse) => ReactNode }) {
  const { t } = useTranslation();
  const { environmentId } = useParams();
  const { environment, isPending, isError, error, refetch } = useEnvironment(environmentId);
  if (isPending) return <Spinner label={t('environmentPicker.loadingEnvironment')} />;
  if (isError) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (!environment) return <NotFound what="environment" back={{ label: t('nav.environments'), href: paths.environments.getHref() }} />;
  return children(environment);
}

export const canWriteServerProfiles = (environment: EnvironmentResponse) =>
  environment.privileges['emailServerProfile.write'] !== undefined;

export const canWriteMailboxes = (environment: EnvironmentResponse) => environment.privileges['mailbox.write'] !== undefined;
