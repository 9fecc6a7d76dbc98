import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { MailboxesList } from '../../features/mailboxes/components/mailboxes-list.tsx';
import { mailboxesCrumbs } from '../../features/mailboxes/lib/crumbs.ts';
import { gridQueryToParams, parseGridQuery, type MailboxGridQuery } from '../../features/mailboxes/lib/grid-query.ts';
import { useTranslation } from 'react-i18next';

export function MailboxesRoute() {
  const { t } = useTranslation();
  // View, Quick Find, filters and sort live in the URL so Back, Refresh and shared links keep them.
  const [searchParams, setSearchParams] = useSearchParams();
  const query = parseGridQuery(searchParams);

  const onQueryChange = useCallback(
    (changes: Partial<MailboxGridQuery>, options?: { replace?: boolean }) => {
      setSearchParams((current) => gridQueryToParams({ ...parseGridQuery(current), ...changes }), { replace: options?.replace ?? false });
    },
    [setSearchParams],
  );
  const onClearFilters = useCallback(() => {
    setSearchParams((current) => {
      const { view, sort, order } = parseGridQuery(current);
      return gridQueryToParams({ view, sort, order });
    });
  }, [setSearchParams]);

  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader crumbs={mailboxesCrumbs(t, environment.id)} title={t('nav.pages.mailboxes')} />
          <MailboxesList environment={environment} query={query} onQueryChange={onQueryChange} onClearFilters={onClearFilters} />
        </>
      )}
    </EnvironmentGate>
  );
}
