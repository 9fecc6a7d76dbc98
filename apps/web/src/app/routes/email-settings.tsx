import { Spinner } from '@fluentui/react-components';
import type { EnvironmentResponse } from '@sync-admin/contract';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { useEmailSettings } from '../../features/email-settings/api/get-email-settings.ts';
import { EmailSettingsForm } from '../../features/email-settings/components/email-settings-form.tsx';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { useTranslation } from 'react-i18next';

export function EmailSettingsRoute() {
  return <EnvironmentGate>{(environment) => <EmailSettingsPage environment={environment} />}</EnvironmentGate>;
}

function EmailSettingsPage({ environment }: { environment: EnvironmentResponse }) {
  const settings = useEmailSettings(environment.id);
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('nav.settings') }, { label: t('nav.email') }, { label: t('nav.pages.emailSettings'), href: paths.emailSettings.getHref(environment.id) }]}
        title={t('nav.pages.emailSettings')}
      />
      {settings.isPending ? (
        <Spinner label={t('loadingEmailSettings')} />
      ) : settings.isError ? (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <EmailSettingsForm
          // A new environment starts the form afresh; refetches of the same one keep the admin's edits.
          key={environment.id}
          environmentId={environment.id}
          canWrite={environment.privileges['organization.write'] !== undefined}
          canReadProfiles={environment.privileges['emailServerProfile.read'] !== undefined}
          settings={settings.data}
        />
      )}
    </>
  );
}
