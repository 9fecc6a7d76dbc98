import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentSession } from '../../features/auth/api/get-session.ts';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { NewMailbox } from '../../features/mailboxes/components/new-mailbox.tsx';
import { mailboxesCrumbs } from '../../features/mailboxes/lib/crumbs.ts';
import { useTranslation } from 'react-i18next';

export function NewMailboxRoute() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const type = searchParams.get('type') === 'queue' ? 'queue' : 'user';
  const { user } = useCurrentSession();
  const title = type === 'queue' ? t('newQueueMailbox') : t('newUserMailbox');
  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader crumbs={[...mailboxesCrumbs(t, environment.id), { label: title }]} title={title} />
          <NewMailbox environment={environment} type={type} user={user} />
        </>
      )}
    </EnvironmentGate>
  );
}
