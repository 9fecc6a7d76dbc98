import { Text } from '@fluentui/react-components';
import type { RunResponse } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { useScopeKindLabels } from '../lib/labels.ts';
import type { ReactNode } from 'react';
import { ReadOnlyFacts } from '../../../components/read-only-facts.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { JobStateBadge } from './job-badges.tsx';

/** Who started a job, on what, its state and its times. */
export function JobFacts({ job }: { job: RunResponse }) {
  const { t } = useTranslation('test-and-enable');
  const scopeKinds = useScopeKindLabels();
  const profileId = job.scope.serverProfileId;
  const facts: [string, ReactNode][] = [
    [t('fact.state'), <JobStateBadge state={job.state} />],
    [t('fact.command'), scopeKinds[job.scope.kind]],
    [
      t('fact.mailboxes'),
      profileId ? (
        <>
          {job.scope.description} · <RouterLink to={paths.serverProfile.getHref(job.environmentId, profileId)}>{t('openServerProfile')}</RouterLink>
        </>
      ) : (
        job.scope.description
      ),
    ],
    [t('fact.startedBy'), job.startedByName],
    [t('fact.created'), <RelativeTime iso={job.createdAt} />],
  ];
  // Only a start date/time chosen in the confirmation differs from the creation.
  if (job.startAt !== job.createdAt) facts.push([t('fact.startAt'), <RelativeTime iso={job.startAt} />]);
  if (job.cancelledAt) facts.push([t('fact.cancelled'), <><RelativeTime iso={job.cancelledAt} /> <Text size={200}>{t('cancelledBy', { name: job.cancelledByName ?? t('someone') })}</Text></>]);
  facts.push([t('fact.finished'), job.finishedAt ? <RelativeTime iso={job.finishedAt} /> : <Text>{t('notYet')}</Text>]);

  return <ReadOnlyFacts rows={facts} label={t('aboutJob', { number: job.number })} />;
}
