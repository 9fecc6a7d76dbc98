import { Spinner } from '@fluentui/react-components';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { useCurrentSession } from '../../features/auth/api/get-session.ts';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { useMailbox } from '../../features/mailboxes/api/get-mailbox.ts';
import { MailboxPage, parseMailboxTab } from '../../features/mailboxes/components/mailbox-page.tsx';
import { mailboxesCrumbs } from '../../features/mailboxes/lib/crumbs.ts';
import { useTranslation } from 'react-i18next';

export function MailboxRoute() {
  const { t } = useTranslation();
  const { environmentId = '', mailboxId = '' } = useParams();
  const { user } = useCurrentSession();
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = parseMailboxTab(searchParams.get('tab'));
  const mailbox = useMailbox(environmentId, mailboxId);
  // Set by the create form when it lands here, so the admin sees the save went through.
  const savedOnArrival = (location.state as { saved?: boolean } | null)?.saved === true;

  return (
    <EnvironmentGate>
      {(environment) =>
        mailbox.isPending ? (
          <Spinner label={t('loadingMailbox')} />
        ) : mailbox.isError ? (
          <LoadError
            error={mailbox.error}
            onRetry={() => void mailbox.refetch()}
            notFound={{ what: 'mailbox', crumbs: mailboxesCrumbs(t, environment.id), back: { label: t('nav.pages.mailboxes'), href: paths.mailboxes.getHref(environment.id) } }}
          />
        ) : (
          <>
            <PageHeader crumbs={[...mailboxesCrumbs(t, environment.id), { label: mailbox.data.name }]} title={mailbox.data.name} />
            <MailboxPage
              environment={environment}
              mailbox={mailbox.data}
              userId={user.id}
              tab={tab}
              onTabChange={(next) => setSearchParams(next === 'general' ? {} : { tab: next })}
              savedOnArrival={savedOnArrival}
            />
          </>
        )
      }
    </EnvironmentGate>
  );
}
