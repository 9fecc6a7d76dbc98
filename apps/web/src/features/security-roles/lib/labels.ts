import type { DirectoryUserResponse, Privilege, PrivilegeDepth } from '@sync-admin/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Privileges, their levels and the tenant roles in the language shown. The contract's English tables stay the
 * server's (its messages, the audit log's values).
 */
export function useAccessLabels() {
  const { t } = useTranslation('security-roles');
  return useMemo(() => {
    const depths = {
      user: t('depth.user'),
      businessUnit: t('depth.businessUnit'),
      organization: t('depth.organization'),
    } satisfies Record<PrivilegeDepth, string>;
    return {
      privilege: {
        'emailServerProfile.read': t('privilege.emailServerProfileRead'),
        'emailServerProfile.write': t('privilege.emailServerProfileWrite'),
        'mailbox.read': t('privilege.mailboxRead'),
        'mailbox.write': t('privilege.mailboxWrite'),
        approveEmailAddresses: t('privilege.approveEmailAddresses'),
        'organization.write': t('privilege.organizationWrite'),
        'securityRole.read': t('privilege.securityRoleRead'),
        'securityRole.write': t('privilege.securityRoleWrite'),
        'auditHistory.read': t('privilege.auditHistoryRead'),
      } satisfies Record<Privilege, string>,
      /** A level, or None for a privilege not held. */
      depth: (depth: PrivilegeDepth | null) => (depth ? depths[depth] : t('depth.none')),
      tenantRole: {
        globalAdmin: t('tenantRole.globalAdmin'),
        exchangeAdmin: t('tenantRole.exchangeAdmin'),
      } satisfies Record<DirectoryUserResponse['tenantRoles'][number], string>,
    };
  }, [t]);
}
