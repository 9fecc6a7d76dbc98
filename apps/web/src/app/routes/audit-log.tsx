import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { AuditHistory } from '../../features/audit/components/audit-history.tsx';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { useTranslation } from 'react-i18next';

export function AuditLogRoute() {
  const { t } = useTranslation();
  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader
            crumbs={[{ label: t('nav.settings') }, { label: t('nav.pages.auditLog'), href: paths.auditLog.getHref(environment.id) }]}
            title={t('nav.pages.auditLog')}
          />
          <AuditHistory environmentId={environment.id} />
        </>
      )}
    </EnvironmentGate>
  );
}
