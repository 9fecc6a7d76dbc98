import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Text,
  Tooltip,
} from '@fluentui/react-components';
import { DismissCircleRegular } from '@fluentui/react-icons';
import type { RunResponse } from '@sync-admin/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCancelJob } from '../api/cancel-job.ts';
import { isJobCancellable } from '../lib/job-liveness.ts';

interface Props {
  environmentId: string;
  job: RunResponse;
  canWrite: boolean;
}

/**
 * Cancel, after a confirmation, for a job still scheduled or running; when the API refuses (the job ended
 * meanwhile, or it isn't yours to cancel), its reason shows.
 */
export function CancelJobButton({ environmentId, job, canWrite }: Props) {
  const { t } = useTranslation('test-and-enable');
  const cancel = useCancelJob(environmentId);
  const [confirming, setConfirming] = useState(false);
  const usable = canWrite && isJobCancellable(job);
  const reason = canWrite ? null : t('cancelNeedsWrite');
  // Once the job has ended there is nothing to cancel; an open confirmation stays to show how it went.
  if (!isJobCancellable(job) && !confirming) return null;
  const close = () => {
    setConfirming(false);
    cancel.reset();
  };

  const button = (
    <Button
      icon={<DismissCircleRegular />}
      aria-label={t('cancelJobNumber', { number: job.number })}
      disabledFocusable={!usable}
      onClick={() => usable && setConfirming(true)}
    >
      {t('common:cancel')}
    </Button>
  );
  return (
    <>
      {reason ? <Tooltip content={reason} relationship="description">{button}</Tooltip> : button}
      {confirming && (
        <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && !cancel.isPending && close()}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t('cancelJobNumber', { number: job.number })}</DialogTitle>
              <DialogContent>
                {cancel.isError ? (
                  <MessageBar intent="error" layout="multiline">
                    <MessageBarBody>{errorMessage(cancel.error)}</MessageBarBody>
                  </MessageBar>
                ) : (
                  <Text>{t('cancelConfirm', { number: job.number, scope: job.scope.description })}</Text>
                )}
              </DialogContent>
              <DialogActions>
                {!cancel.isError && (
                  <Button appearance="primary" disabled={cancel.isPending} onClick={() => cancel.mutate(job.id, { onSuccess: close })}>
                    {cancel.isPending ? t('cancelling') : t('cancelJob')}
                  </Button>
                )}
                <Button disabled={cancel.isPending} onClick={close}>{cancel.isError ? t('close') : t('keepJob')}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}
