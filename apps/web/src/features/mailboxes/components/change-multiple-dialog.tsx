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
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerProfiles } from '../../server-profiles/api/get-server-profiles.ts';
import type { SynchronizationMethodChanges } from '../api/run-mailbox-action.ts';
import { useMailboxLabels } from '../lib/labels.ts';

const KEEP = '';
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
  const { t } = useTranslation(['mailboxes', 'common']);
  const labels = useMailboxLabels();
  const keepLabel = t('changeMultiple.keep');
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

  const options = (methods: Record<string, string>) =>
    Object.entries(methods).map(([value, label]) => <option key={value} value={value}>{label}</option>);

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && !running && close()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{t('action.changeMultiple')}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t('changeMultiple.text', { mailboxes: labels.count(count), keep: keepLabel })}</Text>
              <Subtitle2 as="h3">{t('form.sections.sync')}</Subtitle2>
              <Field label={labels.setting.serverProfileId} hint={profiles.isError ? t('changeMultiple.profilesNotLoaded') : undefined}>
                <Select value={choices.serverProfileId} onChange={choose('serverProfileId')} disabled={running}>
                  <option value={KEEP}>{keepLabel}</option>
                  <option value={NO_PROFILE}>{labels.noProfile}</option>
                  {profiles.data?.items.map((profile) => (
                    <option key={profile.id} value={profile.id}>{profile.name}</option>
                  ))}
                </Select>
              </Field>
              <Field label={labels.setting.incomingEmailDeliveryMethod}>
                <Select value={choices.incomingEmailDeliveryMethod} onChange={choose('incomingEmailDeliveryMethod')} disabled={running}>
                  <option value={KEEP}>{keepLabel}</option>
                  {options(labels.incoming)}
                </Select>
              </Field>
              <Field label={labels.setting.outgoingEmailDeliveryMethod}>
                <Select value={choices.outgoingEmailDeliveryMethod} onChange={choose('outgoingEmailDeliveryMethod')} disabled={running}>
                  <option value={KEEP}>{keepLabel}</option>
                  {options(labels.outgoing)}
                </Select>
              </Field>
              <Field
                label={labels.setting.appointmentsContactsTasksDeliveryMethod}
                hint={t('changeMultiple.actHint')}
              >
                <Select
                  value={choices.appointmentsContactsTasksDeliveryMethod}
                  onChange={choose('appointmentsContactsTasksDeliveryMethod')}
                  disabled={running}
                >
                  <option value={KEEP}>{keepLabel}</option>
                  {options(labels.act)}
                </Select>
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={running || changing === 0}>
                {running ? t('changeMultiple.changing') : t('changeMultiple.change')}
              </Button>
              <Button onClick={close} disabled={running}>{t('common:cancel')}</Button>
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
