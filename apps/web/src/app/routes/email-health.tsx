import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { HealthDashboard } from '../../features/health-dashboard/components/health-dashboard.tsx';

/** Its own lazy chunk: the charts library loads with this page only, never on the first screen. */
export function EmailHealthRoute() {
  const { t } = useTranslation();
  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader
            crumbs={[{ label: t('nav.settings') }, { label: t('nav.email') }, { label: t('nav.pages.emailHealth'), href: paths.emailHealth.getHref(environment.id) }]}
            title={t('nav.pages.emailHealth')}
          />
          <HealthDashboard environmentId={environment.id} />
        </>
      )}
    </EnvironmentGate>
  );
}
