import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { DomainHealthList } from '../../features/domain-health/components/domain-health-list.tsx';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';

export function DomainHealthRoute() {
  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader
            crumbs={[{ label: 'Settings' }, { label: 'Email' }, { label: 'Domain health', href: paths.domainHealth.getHref(environment.id) }]}
            title="Domain health"
          />
          <DomainHealthList environmentId={environment.id} />
        </>
      )}
    </EnvironmentGate>
  );
}
