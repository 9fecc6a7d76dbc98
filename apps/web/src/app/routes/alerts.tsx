import { Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { AlertsList } from '../../features/alerts/components/alerts-list.tsx';
import { EnvironmentGate } from '../../features/environments/components/environment-gate.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scope: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3, paddingInlineStart: tokens.spacingHorizontalS },
});

export function AlertsRoute() {
  const styles = useStyles();
  // The wall chosen lives in the URL, so Back, Refresh and shared links keep it.
  const [searchParams, setSearchParams] = useSearchParams();
  const mine = searchParams.get('mine') === 'true';

  return (
    <EnvironmentGate>
      {(environment) => (
        <div className={styles.root}>
          <PageHeader crumbs={[{ label: 'Alerts', href: paths.alerts.getHref(environment.id) }]} title="Alerts" />
          <div className={styles.scope}>
            <Switch
              label="Alerts of my server profiles"
              checked={mine}
              onChange={(_, data) => setSearchParams(data.checked ? { mine: 'true' } : {})}
            />
            <Text size={200} className={styles.hint}>
              {mine
                ? 'Showing alerts of the email server profiles you own and of the mailboxes that use them.'
                : 'Showing all alerts of this environment you can see.'}
            </Text>
          </div>
          <AlertsList environmentId={environment.id} mine={mine} grouped />
        </div>
      )}
    </EnvironmentGate>
  );
}
