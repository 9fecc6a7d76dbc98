import { Text } from '@fluentui/react-components';
import { RUN_SCOPE_KIND_LABELS, type RunResponse } from '@sync-admin/contract';
import type { ReactNode } from 'react';
import { ReadOnlyFacts } from '../../../components/read-only-facts.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { JobStateBadge } from './job-badges.tsx';

/** Who started a job, on what, its state and its times. */
export function JobFacts({ job }: { job: RunResponse }) {
  const profileId = job.scope.serverProfileId;
  const facts: [string, ReactNode][] = [
    ['State', <JobStateBadge state={job.state} />],
    ['Command', RUN_SCOPE_KIND_LABELS[job.scope.kind]],
    [
      'Mailboxes',
      profileId ? (
        <>
          {job.scope.description} · <RouterLink to={paths.serverProfile.getHref(job.environmentId, profileId)}>Open server profile</RouterLink>
        </>
      ) : (
        job.scope.description
      ),
    ],
    ['Started by', job.startedByName],
    ['Created', <RelativeTime iso={job.createdAt} />],
  ];
  // Only a start date/time chosen in the confirmation differs from the creation.
  if (job.startAt !== job.createdAt) facts.push(['Start date and time', <RelativeTime iso={job.startAt} />]);
  if (job.cancelledAt) facts.push(['Cancelled', <><RelativeTime iso={job.cancelledAt} /> <Text size={200}>by {job.cancelledByName ?? 'someone'}</Text></>]);
  facts.push(['Finished', job.finishedAt ? <RelativeTime iso={job.finishedAt} /> : <Text>Not yet</Text>]);

  return <ReadOnlyFacts rows={facts} label={`About job #${job.number}`} />;
}
