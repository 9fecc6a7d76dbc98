import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { EnvironmentResponse } from '@sync-admin/contract';
import { useEmailSettings } from '../../email-settings/api/get-email-settings.ts';
import { newMailboxSettings, type MailboxType } from '../lib/form-model.ts';
import { useTranslation } from 'react-i18next';
import { MailboxForm } from './mailbox-form.tsx';

interface Props {
  environment: EnvironmentResponse;
  type: MailboxType;
  user: { id: string; fullName: string };
}

/** A new user or queue mailbox, owned by whoever creates it, starting from the environment's email settings. */
export function NewMailbox({ environment, type, user }: Props) {
  const { t } = useTranslation('mailboxes');
  const settings = useEmailSettings(environment.id);
  const canWrite = environment.privileges['mailbox.write'] !== undefined;
  if (!canWrite) {
    return <MessageBar intent="warning"><MessageBarBody>{t('writePrivilegeRequired')}</MessageBarBody></MessageBar>;
  }
  if (settings.isPending) return <Spinner label={t('new.loadingDefaults')} />;
  return (
    <>
      {settings.isError && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t('new.settingsUnreadable')}
          </MessageBarBody>
        </MessageBar>
      )}
      <MailboxForm
        key={type}
        environment={environment}
        type={type}
        initialSettings={newMailboxSettings(type, user.id, environment, settings.data)}
        // The server fills left-out fields from the email settings as they are; a queue's form may already
        // have moved one of them off Outlook, and then that field is sent.
        baselineSettings={newMailboxSettings('user', user.id, environment, settings.data)}
        ownerName={user.fullName}
        canWrite={canWrite}
      />
    </>
  );
}
