import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { DomainHealthList } from '../../features/domain-health/components/domain-health-list.tsx';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { useTranslation } from 'react-i18next';

export function DomainHealthRoute() {
  const { t } = useTranslation();
  return (
    <EnvironmentGate>
      {(environment) => (
        <>
          <PageHeader
            crumbs={[{ label: t('nav.settings') }, { label: t('nav.email') }, { label: t('nav.pages.domainHealth'), href: paths.domainHealth.getHref(environment.id) }]}
            title={t('nav.pages.domainHealth')}
          />
          <DomainHealthList environmentId={environment.id} />
        </>
      )}
    </EnvironmentGate>
  );
}
