import { Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { AlertsList } from '../../features/alerts/components/alerts-list.tsx';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scope: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3, paddingInlineStart: tokens.spacingHorizontalS },
});

export function AlertsRoute() {
  const styles = useStyles();
  const { t } = useTranslation();
  // The wall chosen lives in the URL, so Back, Refresh and shared links keep it.
  const [searchParams, setSearchParams] = useSearchParams();
  const mine = searchParams.get('mine') === 'true';

  return (
    <EnvironmentGate>
      {(environment) => (
        <div className={styles.root}>
          <PageHeader crumbs={[{ label: t('nav.pages.alerts'), href: paths.alerts.getHref(environment.id) }]} title={t('nav.pages.alerts')} />
          <div className={styles.scope}>
            <Switch
              label={t('alertsPage.mine')}
              checked={mine}
              onChange={(_, data) => setSearchParams(data.checked ? { mine: 'true' } : {})}
            />
            <Text size={200} className={styles.hint}>
              {mine
                ? t('alertsPage.showingMine')
                : t('alertsPage.showingAll')}
            </Text>
          </div>
          <AlertsList environmentId={environment.id} mine={mine} grouped />
        </div>
      )}
    </EnvironmentGate>
  );
}
