import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { EnvironmentResponse, MailboxResponse } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { AlertsList } from '../../alerts/components/alerts-list.tsx';
import { AuditHistory } from '../../audit/components/audit-history.tsx';
import { canWriteMailbox, settingsFromMailbox } from '../lib/form-model.ts';
import { MailboxForm } from './mailbox-form.tsx';

export type MailboxTab = 'general' | 'alerts' | 'audit';

export function parseMailboxTab(value: string | null): MailboxTab {
  return value === 'alerts' || value === 'audit' ? value : 'general';
}

const TABS: MailboxTab[] = ['general', 'alerts', 'audit'];

const useStyles = makeStyles({
  tabs: { marginBottom: tokens.spacingVerticalL, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

interface Props {
  environment: EnvironmentResponse;
  mailbox: MailboxResponse;
  userId: string;
  tab: MailboxTab;
  onTabChange: (tab: MailboxTab) => void;
  savedOnArrival: boolean;
}

/** One mailbox: its form, its Alerts wall (seed 000: "open the mailbox … select Alerts") and its audit history. */
export function MailboxPage({ environment, mailbox, userId, tab, onTabChange, savedOnArrival }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('mailboxes');
  const tabLabels: Record<MailboxTab, string> = { general: t('tabs.general'), alerts: t('tabs.alerts'), audit: t('tabs.audit') };
  const panelId = (value: MailboxTab) => `mailbox-tab-${value}`;
  return (
    <>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => onTabChange(data.value as MailboxTab)}
        aria-label={t('tabs.label')}
      >
        {TABS.map((value) => (
          <Tab key={value} value={value} id={`${panelId(value)}-tab`} aria-controls={panelId(value)}>
            {tabLabels[value]}
          </Tab>
        ))}
      </TabList>
      {/* The form stays mounted while another tab shows, so unsaved edits survive a look at the alerts. */}
      <div role="tabpanel" id={panelId('general')} aria-labelledby={`${panelId('general')}-tab`} hidden={tab !== 'general'}>
        <MailboxForm
          key={mailbox.id}
          environment={environment}
          type={mailbox.type}
          mailbox={mailbox}
          initialSettings={settingsFromMailbox(mailbox)}
          ownerName={mailbox.ownerName}
          canWrite={canWriteMailbox(environment, userId, mailbox.ownerId)}
          savedOnArrival={savedOnArrival}
        />
      </div>
      {tab === 'alerts' && (
        <div role="tabpanel" id={panelId('alerts')} aria-labelledby={`${panelId('alerts')}-tab`}>
          <AlertsList environmentId={environment.id} mailboxId={mailbox.id} />
        </div>
      )}
      {tab === 'audit' && (
        <div role="tabpanel" id={panelId('audit')} aria-labelledby={`${panelId('audit')}-tab`}>
          <AuditHistory environmentId={environment.id} entityType="mailbox" entityId={mailbox.id} />
        </div>
      )}
    </>
  );
}
