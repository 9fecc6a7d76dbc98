import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';

interface Props {
  profileName: string | null;
  deleting: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteServerProfileDialog({ profileName, deleting, onConfirm, onCancel }: Props) {
  return (
    <Dialog open={profileName !== null} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete server profile?</DialogTitle>
          <DialogContent>
            &ldquo;{profileName}&rdquo; will be permanently deleted. Mailboxes that use it stop synchronizing
            until they get another profile.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm} disabled={deleting}>
              {deleting ? 'Deleting…' : 'Delete'}
            </Button>
            <Button onClick={onCancel} disabled={deleting}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
