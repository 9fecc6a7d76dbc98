import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS,
  INCOMING_EMAIL_DELIVERY_METHOD_LABELS,
  MAILBOX_SETTING_LABELS,
  OUTGOING_EMAIL_DELIVERY_METHOD_LABELS,
} from '@sync-admin/contract';
import { useState, type FormEvent } from 'react';
import { useServerProfiles } from '../../server-profiles/api/get-server-profiles.ts';
import type { SynchronizationMethodChanges } from '../api/run-mailbox-action.ts';
import { mailboxCount } from '../lib/selection.ts';

const KEEP = '';
const KEEP_LABEL = '— Keep current —';
const NO_PROFILE = 'none';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Props {
  open: boolean;
  environmentId: string;
  count: number;
  running: boolean;
  onSubmit: (changes: SynchronizationMethodChanges) => void;
  onCancel: () => void;
}

type Choices = Record<keyof SynchronizationMethodChanges, string>;
const KEEP_ALL: Choices = {
  serverProfileId: KEEP,
  incomingEmailDeliveryMethod: KEEP,
  outgoingEmailDeliveryMethod: KEEP,
  appointmentsContactsTasksDeliveryMethod: KEEP,
};

/** Edit → Change Multiple Records: only the settings given a value change; the rest keep each mailbox's own. */
export function ChangeMultipleDialog({ open, environmentId, count, running, onSubmit, onCancel }: Props) {
  const styles = useStyles();
  const profiles = useServerProfiles(environmentId, 'active');
  const [choices, setChoices] = useState<Choices>(KEEP_ALL);
  const changes = toChanges(choices);
  const changing = Object.keys(changes).length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changing > 0) onSubmit(changes);
  };
  const choose = (field: keyof Choices) => (_: unknown, data: { value: string }) =>
    setChoices((prev) => ({ ...prev, [field]: data.value }));
  const close = () => {
    setChoices(KEEP_ALL);
    onCancel();
  };

  const options = (labels: Record<string, string>) =>
    Object.entries(labels).map(([value, label]) => <option key={value} value={value}>{label}</option>);

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && !running && close()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Change Multiple Records</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>Changes apply to the {mailboxCount(count)} you selected. Settings left at “{KEEP_LABEL}” stay as they are on each mailbox.</Text>
              <Subtitle2 as="h3">Synchronization Method</Subtitle2>
              <Field label={MAILBOX_SETTING_LABELS.serverProfileId} hint={profiles.isError ? 'The server profiles could not be loaded.' : undefined}>
                <Select value={choices.serverProfileId} onChange={choose('serverProfileId')} disabled={running}>
                  <option value={KEEP}>{KEEP_LABEL}</option>
                  <option value={NO_PROFILE}>(none)</option>
                  {profiles.data?.items.map((profile) => (
                    <option key={profile.id} value={profile.id}>{profile.name}</option>
                  ))}
                </Select>
              </Field>
              <Field label={MAILBOX_SETTING_LABELS.incomingEmailDeliveryMethod}>
                <Select value={choices.incomingEmailDeliveryMethod} onChange={choose('incomingEmailDeliveryMethod')} disabled={running}>
                  <option value={KEEP}>{KEEP_LABEL}</option>
                  {options(INCOMING_EMAIL_DELIVERY_METHOD_LABELS)}
                </Select>
              </Field>
              <Field label={MAILBOX_SETTING_LABELS.outgoingEmailDeliveryMethod}>
                <Select value={choices.outgoingEmailDeliveryMethod} onChange={choose('outgoingEmailDeliveryMethod')} disabled={running}>
                  <option value={KEEP}>{KEEP_LABEL}</option>
                  {options(OUTGOING_EMAIL_DELIVERY_METHOD_LABELS)}
                </Select>
              </Field>
              <Field
                label={MAILBOX_SETTING_LABELS.appointmentsContactsTasksDeliveryMethod}
                hint="Queue mailboxes can't use Microsoft Dynamics 365 for Outlook; they are skipped if you choose it."
              >
                <Select
                  value={choices.appointmentsContactsTasksDeliveryMethod}
                  onChange={choose('appointmentsContactsTasksDeliveryMethod')}
                  disabled={running}
                >
                  <option value={KEEP}>{KEEP_LABEL}</option>
                  {options(APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS)}
                </Select>
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={running || changing === 0}>
                {running ? 'Changing…' : 'Change'}
              </Button>
              <Button onClick={close} disabled={running}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function toChanges(choices: Choices): SynchronizationMethodChanges {
  const changes: SynchronizationMethodChanges = {};
  if (choices.serverProfileId !== KEEP) changes.serverProfileId = choices.serverProfileId === NO_PROFILE ? null : choices.serverProfileId;
  if (choices.incomingEmailDeliveryMethod !== KEEP) {
    changes.incomingEmailDeliveryMethod = choices.incomingEmailDeliveryMethod as NonNullable<SynchronizationMethodChanges['incomingEmailDeliveryMethod']>;
  }
  if (choices.outgoingEmailDeliveryMethod !== KEEP) {
    changes.outgoingEmailDeliveryMethod = choices.outgoingEmailDeliveryMethod as NonNullable<SynchronizationMethodChanges['outgoingEmailDeliveryMethod']>;
  }
  if (choices.appointmentsContactsTasksDeliveryMethod !== KEEP) {
    changes.appointmentsContactsTasksDeliveryMethod =
      choices.appointmentsContactsTasksDeliveryMethod as NonNullable<SynchronizationMethodChanges['appointmentsContactsTasksDeliveryMethod']>;
  }
  return changes;
}
