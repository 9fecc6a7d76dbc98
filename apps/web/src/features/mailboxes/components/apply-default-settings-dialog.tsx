import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS,
  INCOMING_EMAIL_DELIVERY_METHOD_LABELS,
  MAILBOX_SETTING_LABELS,
  OUTGOING_EMAIL_DELIVERY_METHOD_LABELS,
  type EnvironmentResponse,
} from '@sync-admin/contract';
import { useState } from 'react';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { useServerProfiles } from '../../server-profiles/api/get-server-profiles.ts';
import { useEmailSettings } from '../../email-settings/api/get-email-settings.ts';
import { mailboxCount } from '../lib/selection.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  settings: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

interface Props {
  environment: EnvironmentResponse;
  count: number;
  running: boolean;
  onSubmit: (testAndEnable: boolean) => void;
  onCancel: () => void;
}

/** Seed 000: "select Apply Default Email Settings, verify the settings, and then select OK". */
export function ApplyDefaultSettingsDialog({ environment, count, running, onSubmit, onCancel }: Props) {
  const styles = useStyles();
  const settings = useEmailSettings(environment.id);
  const profiles = useServerProfiles(environment.id, 'all');
  const [testAndEnable, setTestAndEnable] = useState(true);

  const defaultProfileId = settings.data?.defaultServerProfileId ?? environment.defaultServerProfileId;
  const defaultProfile = profiles.data?.items.find((profile) => profile.id === defaultProfileId);
  const profileName = defaultProfileId === null ? null : (defaultProfile?.name ?? (profiles.isPending ? 'Loading…' : 'Unknown profile'));
  const ready = settings.isSuccess && defaultProfileId !== null;

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !running && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Apply Default Email Settings</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              These are the environment&apos;s default email settings. They will be applied to the {mailboxCount(count)} you selected.
            </Text>
            {settings.isPending ? (
              <Spinner size="small" label="Loading the default email settings…" />
            ) : settings.isError ? (
              <MessageBar intent="error"><MessageBarBody>{errorMessage(settings.error)}</MessageBarBody></MessageBar>
            ) : (
              <dl className={styles.settings} aria-label="Default email settings">
                <dt className={styles.term}>{MAILBOX_SETTING_LABELS.serverProfileId}</dt>
                <dd className={styles.detail}>{profileName ?? '(none)'}</dd>
                <dt className={styles.term}>{MAILBOX_SETTING_LABELS.incomingEmailDeliveryMethod}</dt>
                <dd className={styles.detail}>{INCOMING_EMAIL_DELIVERY_METHOD_LABELS[settings.data.incomingEmailDeliveryMethod]}</dd>
                <dt className={styles.term}>{MAILBOX_SETTING_LABELS.outgoingEmailDeliveryMethod}</dt>
                <dd className={styles.detail}>{OUTGOING_EMAIL_DELIVERY_METHOD_LABELS[settings.data.outgoingEmailDeliveryMethod]}</dd>
                <dt className={styles.term}>{MAILBOX_SETTING_LABELS.appointmentsContactsTasksDeliveryMethod}</dt>
                <dd className={styles.detail}>
                  {APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS[settings.data.appointmentsContactsTasksDeliveryMethod]}
                </dd>
              </dl>
            )}
            {settings.isSuccess && defaultProfileId === null && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  This environment has no default email server profile. Set one in{' '}
                  <RouterLink to={paths.emailSettings.getHref(environment.id)}>Email settings</RouterLink> first.
                </MessageBarBody>
              </MessageBar>
            )}
            <Checkbox
              label="Test and enable mailboxes after applying"
              checked={testAndEnable}
              disabled={running}
              onChange={(_, data) => setTestAndEnable(data.checked === true)}
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!ready || running} onClick={() => onSubmit(testAndEnable)}>
              {running ? 'Applying…' : 'OK'}
            </Button>
            <Button disabled={running} onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
