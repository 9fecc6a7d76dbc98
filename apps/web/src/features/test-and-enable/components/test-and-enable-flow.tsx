import type { StartRunResponse } from '@sync-admin/contract';
import { useState } from 'react';
import { paths } from '../../../config/paths.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { BulkResultDialog } from '../../mailboxes/components/bulk-result-dialog.tsx';
import { mailboxCount } from '../../mailboxes/lib/selection.ts';
import { TEST_AND_ENABLE_COMMAND_TITLES, useStartTestAndEnable, type TestAndEnableCommand } from '../api/start-test-and-enable.ts';
import { StartTestAndEnableDialog } from './start-test-and-enable-dialog.tsx';

const ENABLE = 'and enable them for email processing';

function describe(command: TestAndEnableCommand): string {
  switch (command.kind) {
    case 'mailboxes':
      if (command.name) return `Test the email configuration of ${command.name} and enable it for email processing.`;
      return 'ids' in command.target
        ? `Test the email configuration of the ${mailboxCount(command.count)} you selected ${ENABLE}.`
        : `Test the email configuration of all ${mailboxCount(command.count)} that match this view ${ENABLE}.`;
    case 'retestFailedMailboxes':
      return `Test again every mailbox of this view whose last test failed, ${ENABLE}.`;
    case 'serverProfile':
      return `Test the email configuration of every active mailbox of the email server profile ${command.profileName} ${ENABLE}. The test runs in the background and may take a few minutes.`;
    case 'retestFailedServerProfile':
      return `Test again every mailbox of the email server profile ${command.profileName} whose last test failed, ${ENABLE}.`;
  }
}

interface Props {
  environmentId: string;
  command: TestAndEnableCommand;
  /** Called when the API has answered, before the results show (e.g. to clear the selection it acted on). */
  onStarted?: () => void;
  /** Called once the admin cancels, or closes the results. */
  onClose: () => void;
}

/**
 * Confirm, start, then show what happened to each mailbox (started, joined a job already testing it, or
 * skipped and why) with a link to the job. Every command that starts a job goes through here.
 */
export function TestAndEnableFlow({ environmentId, command, onStarted, onClose }: Props) {
  const start = useStartTestAndEnable(environmentId);
  const [result, setResult] = useState<StartRunResponse | null>(null);
  const title = TEST_AND_ENABLE_COMMAND_TITLES[command.kind];

  if (result) {
    return (
      <BulkResultDialog
        title={title}
        result={result}
        job={result.run && { number: result.run.number, href: paths.job.getHref(environmentId, result.run.id) }}
        onClose={onClose}
      />
    );
  }
  return (
    <StartTestAndEnableDialog
      title={title}
      running={start.isPending}
      error={start.isError ? `${title} didn't start: ${errorMessage(start.error)}` : null}
      onConfirm={(startAt) =>
        start.mutate({ command, startAt }, {
          onSuccess: (answer) => {
            onStarted?.();
            setResult(answer);
          },
        })}
      onCancel={onClose}
    >
      {describe(command)}
    </StartTestAndEnableDialog>
  );
}
