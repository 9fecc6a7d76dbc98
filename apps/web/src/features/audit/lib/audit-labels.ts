import { useTranslation } from 'react-i18next';
import type { AuditAction, AuditedEntityType } from '../api/get-audit-entries.ts';

/** The events' and record types' names in the language shown (the contract's labels are the English ones). */
export function useAuditLabels(): { actions: Record<AuditAction, string>; entityTypes: Record<AuditedEntityType, string> } {
  const { t } = useTranslation('audit');
  return {
    actions: {
      create: t('action.create'),
      update: t('action.update'),
      delete: t('action.delete'),
      approveEmail: t('action.approveEmail'),
      rejectEmail: t('action.rejectEmail'),
      queueTestAndEnable: t('action.queueTestAndEnable'),
      assignRole: t('action.assignRole'),
      removeRole: t('action.removeRole'),
    },
    entityTypes: {
      mailbox: t('entityType.mailbox'),
      serverProfile: t('entityType.serverProfile'),
      emailSettings: t('entityType.emailSettings'),
      securityRole: t('entityType.securityRole'),
      user: t('entityType.user'),
      team: t('entityType.team'),
    },
  };
}
