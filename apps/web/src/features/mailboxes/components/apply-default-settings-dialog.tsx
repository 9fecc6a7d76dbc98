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
import type { EnvironmentResponse } from '@sync-admin/contract';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { useServerProfiles } from '../../server-profiles/api/get-server-profiles.ts';
import { useEmailSettings } from '../../email-settings/api/get-email-settings.ts';
import { useMailboxLabels } from '../lib/labels.ts';

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
  const { t } = useTranslation(['mailboxes', 'common']);
  const labels = useMailboxLabels();
  const settings = useEmailSettings(environment.id);
  const profiles = useServerProfiles(environment.id, 'all');
  const [testAndEnable, setTestAndEnable] = useState(true);

  const defaultProfileId = settings.data?.defaultServerProfileId ?? environment.defaultServerProfileId;
  const defaultProfile = profiles.data?.items.find((profile) => profile.id === defaultProfileId);
  const profileName = defaultProfileId === null ? null : (defaultProfile?.name ?? (profiles.isPending ? t('loading') : t('applyDefaults.unknownProfile')));
  const ready = settings.isSuccess && defaultProfileId !== null;

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !running && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('action.applyDefaults')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{t('applyDefaults.text', { mailboxes: labels.count(count) })}</Text>
            {settings.isPending ? (
              <Spinner size="small" label={t('applyDefaults.loading')} />
            ) : settings.isError ? (
              <MessageBar intent="error"><MessageBarBody>{errorMessage(settings.error)}</MessageBarBody></MessageBar>
            ) : (
              <dl className={styles.settings} aria-label={t('applyDefaults.settingsLabel')}>
                <dt className={styles.term}>{labels.setting.serverProfileId}</dt>
                <dd className={styles.detail}>{profileName ?? labels.noProfile}</dd>
                <dt className={styles.term}>{labels.setting.incomingEmailDeliveryMethod}</dt>
                <dd className={styles.detail}>{labels.incoming[settings.data.incomingEmailDeliveryMethod]}</dd>
                <dt className={styles.term}>{labels.setting.outgoingEmailDeliveryMethod}</dt>
                <dd className={styles.detail}>{labels.outgoing[settings.data.outgoingEmailDeliveryMethod]}</dd>
                <dt className={styles.term}>{labels.setting.appointmentsContactsTasksDeliveryMethod}</dt>
                <dd className={styles.detail}>{labels.act[settings.data.appointmentsContactsTasksDeliveryMethod]}</dd>
              </dl>
            )}
            {settings.isSuccess && defaultProfileId === null && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <Trans
                    t={t}
                    i18nKey="applyDefaults.noDefaultProfile"
                    components={{ settings: <RouterLink to={paths.emailSettings.getHref(environment.id)} /> }}
                  />
                </MessageBarBody>
              </MessageBar>
            )}
            <Checkbox
              label={t('applyDefaults.testAndEnable')}
              checked={testAndEnable}
              disabled={running}
              onChange={(_, data) => setTestAndEnable(data.checked === true)}
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!ready || running} onClick={() => onSubmit(testAndEnable)}>
              {running ? t('applyDefaults.applying') : t('approve.ok')}
            </Button>
            <Button disabled={running} onClick={onCancel}>{t('common:cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
