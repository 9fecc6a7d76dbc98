import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { HealthDashboard } from '../../features/health-dashboard/components/health-dashboard.tsx';

/** Its own lazy chunk: the charts library loads with this page only, never on the first screen. */
export function EmailHealthRoute() {
  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader
            crumbs={[{ label: 'Settings' }, { label: 'Email' }, { label: 'Email health', href: paths.emailHealth.getHref(environment.id) }]}
            title="Email health"
          />
          <HealthDashboard environmentId={environment.id} />
        </>
      )}
    </EnvironmentGate>
  );
}
