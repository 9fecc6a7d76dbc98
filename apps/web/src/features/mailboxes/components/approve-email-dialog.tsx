import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useMailboxLabels } from '../lib/labels.ts';

interface Props {
  count: number;
  /** The mailbox's name when exactly one is selected. */
  name: string | null;
  running: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** More Commands → Approve Email → OK (seed 000). The results then say, per mailbox, what happened and why. */
export function ApproveEmailDialog({ count, name, running, onConfirm, onCancel }: Props) {
  const { t } = useTranslation('mailboxes');
  const labels = useMailboxLabels();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && !running && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('action.approveEmail')}</DialogTitle>
          <DialogContent>
            {name ? t('approve.confirmOne', { name }) : t('approve.confirmMany', { mailboxes: labels.count(count) })}{' '}
            {t('approve.skipped')}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={running} onClick={onConfirm}>
              {running ? t('approve.approving') : t('approve.ok')}
            </Button>
            <Button disabled={running} onClick={onCancel}>{t('common:cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
