import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiError, errorMessage } from '../lib/api-client.ts';
import { NotFound, type NotFoundWhat, type WayBack } from './not-found.tsx';
import type { Crumb } from './page-header.tsx';
import { useTranslation } from 'react-i18next';

interface NotFoundProps {
  /** What the address names. */
  what: NotFoundWhat;
  crumbs?: Crumb[];
  back: WayBack;
}

/**
 * A page whose only input is its address: 404 (missing, or not the user's to read) and 400 (the id in the
 * address is malformed) both mean there is nothing at this address, and trying again cannot help.
 */
function isNothingHere(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.code === 'VALIDATION_FAILED'));
}

export function LoadError({ error, onRetry, notFound }: { error: unknown; onRetry: () => void; notFound?: NotFoundProps }) {
  const { t } = useTranslation();
  if (notFound && isNothingHere(error)) return <NotFound {...notFound} />;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('loadError.title')}</MessageBarTitle>
        {errorMessage(error)}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t('loadError.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
