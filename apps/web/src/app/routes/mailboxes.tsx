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

  // Filters commit with their URL (flushSync). The router otherwise renders a navigation as a transition, and until
  // it commits `current` below is the previous URL (react-router hands the updater the rendered search params, not
  // the pending ones): a second filter chosen in that window dropped the first, and the grid showed the old count
  // with no "Updating…" while the selects had snapped back to their old values.
  const onQueryChange = useCallback(
    (changes: Partial<MailboxGridQuery>, options?: { replace?: boolean }) => {
      setSearchParams((current) => gridQueryToParams({ ...parseGridQuery(current), ...changes }), {
        replace: options?.replace ?? false,
        flushSync: true,
      });
    },
    [setSearchParams],
  );
  const onClearFilters = useCallback(() => {
    setSearchParams(
      (current) => {
        const { view, sort, order } = parseGridQuery(current);
        return gridQueryToParams({ view, sort, order });
      },
      { flushSync: true },
    );
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
