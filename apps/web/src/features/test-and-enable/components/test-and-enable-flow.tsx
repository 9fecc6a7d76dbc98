import type { StartRunResponse } from '@sync-admin/contract';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { BulkResultDialog } from '../../mailboxes/components/bulk-result-dialog.tsx';
import { formatNumber } from '../../../lib/format-time.ts';
import { useCommandTitles } from '../lib/labels.ts';
import { useStartTestAndEnable, type TestAndEnableCommand } from '../api/start-test-and-enable.ts';
import { StartTestAndEnableDialog } from './start-test-and-enable-dialog.tsx';

function describe(command: TestAndEnableCommand, t: TFunction<'test-and-enable'>): string {
  switch (command.kind) {
    case 'mailboxes':
      if (command.name) return t('describe.one', { name: command.name });
      return 'ids' in command.target
        ? t('describe.selected', { count: command.count, formatted: formatNumber(command.count) })
        : t('describe.view', { count: command.count, formatted: formatNumber(command.count) });
    case 'retestFailedMailboxes':
      return t('describe.retestView');
    case 'serverProfile':
      return t('describe.serverProfile', { name: command.profileName });
    case 'retestFailedServerProfile':
      return t('describe.retestServerProfile', { name: command.profileName });
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
  const { t } = useTranslation('test-and-enable');
  const titles = useCommandTitles();
  const start = useStartTestAndEnable(environmentId);
  const [result, setResult] = useState<StartRunResponse | null>(null);
  const title = titles[command.kind];

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
      error={start.isError ? t('didNotStart', { title, reason: errorMessage(start.error) }) : null}
      onConfirm={(startAt) =>
        start.mutate({ command, startAt }, {
          onSuccess: (answer) => {
            onStarted?.();
            setResult(answer);
          },
        })}
      onCancel={onClose}
    >
      {describe(command, t)}
    </StartTestAndEnableDialog>
  );
}
