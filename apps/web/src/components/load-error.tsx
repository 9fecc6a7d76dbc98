import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiError, errorMessage } from '../lib/api-client.ts';
import { NotFound, type WayBack } from './not-found.tsx';
import type { Crumb } from './page-header.tsx';

interface NotFoundProps {
  /** "mailbox", "server profile": what the address names. */
  what: string;
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
  if (notFound && isNothingHere(error)) return <NotFound {...notFound} />;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Couldn&apos;t load this page</MessageBarTitle>
        {errorMessage(error)}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>Try again</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
