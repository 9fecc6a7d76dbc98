import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { AuditHistory } from '../../features/audit/components/audit-history.tsx';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';

export function AuditLogRoute() {
  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader
            crumbs={[{ label: 'Settings' }, { label: 'Audit log', href: paths.auditLog.getHref(environment.id) }]}
            title="Audit log"
          />
          <AuditHistory environmentId={environment.id} />
        </>
      )}
    </EnvironmentGate>
  );
}
