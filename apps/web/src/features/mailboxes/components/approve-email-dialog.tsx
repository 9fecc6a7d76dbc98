import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { mailboxCount } from '../lib/selection.ts';

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
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && !running && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Approve Email</DialogTitle>
          <DialogContent>
            {name ? `Approve the email address of ${name}?` : `Approve the email addresses of the ${mailboxCount(count)} you selected?`}{' '}
            Mailboxes you may not approve are skipped, each with the reason.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={running} onClick={onConfirm}>
              {running ? 'Approving…' : 'OK'}
            </Button>
            <Button disabled={running} onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
