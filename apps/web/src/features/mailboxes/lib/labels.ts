import type { MailboxColumnId, MailboxListItemResponse, MailboxResponse, MailboxView } from '@sync-admin/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format-time.ts';
import type { MailboxField } from './form-model.ts';

type Methods<K extends keyof MailboxResponse> = Record<MailboxResponse[K] & string, string>;

/**
 * The mailbox enum labels in the user's language. The contract's English tables stay the server's (CSV, errors);
 * the screens take theirs from here, so every value has both languages.
 */
export function useMailboxLabels() {
  const { t } = useTranslation('mailboxes');
  return useMemo(() => {
    const none = t('incomingMethod.none');
    const outlook = t('incomingMethod.outlook');
    const ssync = t('incomingMethod.serverSideSynchronization');
    return {
      type: { user: t('type.user'), queue: t('type.queue') } satisfies Record<MailboxResponse['type'], string>,
      addressStatus: {
        empty: t('addressStatus.empty'),
        approved: t('addressStatus.approved'),
        pendingApproval: t('addressStatus.pendingApproval'),
        rejected: t('addressStatus.rejected'),
      } satisfies Record<MailboxListItemResponse['emailAddressStatus'], string>,
      testStatus: {
        notRun: t('testStatus.notRun'),
        success: t('testStatus.success'),
        failure: t('testStatus.failure'),
      } satisfies Record<MailboxListItemResponse['incomingEmailStatus'], string>,
      incoming: { none, outlook, serverSideSynchronization: ssync, forwardMailbox: t('incomingMethod.forwardMailbox') } satisfies Methods<'incomingEmailDeliveryMethod'>,
      outgoing: { none, outlook, serverSideSynchronization: ssync } satisfies Methods<'outgoingEmailDeliveryMethod'>,
      act: { outlook, serverSideSynchronization: t('actMethod.serverSideSynchronization'), none } satisfies Methods<'appointmentsContactsTasksDeliveryMethod'>,
      view: {
        active: t('view.active'),
        inactive: t('view.inactive'),
        pendingApproval: t('view.pendingApproval'),
        failedTests: t('view.failedTests'),
        all: t('view.all'),
      } satisfies Record<MailboxView, string>,
      column: {
        name: t('column.name'),
        incomingEmailStatus: t('column.incomingEmailStatus'),
        outgoingEmailStatus: t('column.outgoingEmailStatus'),
        appointmentsContactsTasksStatus: t('column.appointmentsContactsTasksStatus'),
        testCompletedOn: t('column.testCompletedOn'),
        emailAddress: t('column.emailAddress'),
        emailAddressStatus: t('column.emailAddressStatus'),
        type: t('column.type'),
        owner: t('column.owner'),
        serverProfile: t('column.serverProfile'),
        testAndEnable: t('column.testAndEnable'),
      } satisfies Record<MailboxColumnId, string>,
      /** The form's field labels, as the domain's MAILBOX_SETTING_LABELS name them in English (and the password). */
      setting: {
        name: t('setting.name'),
        emailAddress: t('setting.emailAddress'),
        ownerId: t('setting.ownerId'),
        isActive: t('setting.isActive'),
        serverProfileId: t('setting.serverProfileId'),
        incomingEmailDeliveryMethod: t('setting.incomingEmailDeliveryMethod'),
        outgoingEmailDeliveryMethod: t('setting.outgoingEmailDeliveryMethod'),
        appointmentsContactsTasksDeliveryMethod: t('setting.appointmentsContactsTasksDeliveryMethod'),
        syncItemsFromThisOrgOnly: t('setting.syncItemsFromThisOrgOnly'),
        allowCredentialsForEmailProcessing: t('setting.allowCredentialsForEmailProcessing'),
        userName: t('setting.userName'),
        processEmailsReceivedAfter: t('setting.processEmailsReceivedAfter'),
        password: t('setting.password'),
      } satisfies Record<MailboxField, string>,
      noProfile: t('filters.noProfile'),
      /** "1 mailbox", "3.412 Postfächer". */
      count: (count: number) => t('count', { count, formatted: formatNumber(count) }),
    };
  }, [t]);
}

export type MailboxLabels = ReturnType<typeof useMailboxLabels>;
