import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { paths } from '../config/paths.ts';
import { PageHeader, type Crumb } from './page-header.tsx';
import { RouterLink } from './router-link.tsx';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
});

export interface WayBack {
  label: string;
  href: string;
}

/** What an address can name; each has its own sentence, since languages inflect the noun differently. */
export type NotFoundWhat = 'page' | 'environment' | 'serverProfile' | 'mailbox' | 'job' | 'securityRole';

/**
 * A bad or unknown address: say so and offer the way back. A record the user may not read looks the same,
 * so its existence does not leak (the API answers 404 for both).
 */
export function NotFound({ what = 'page', crumbs, back }: { what?: NotFoundWhat; crumbs?: Crumb[]; back?: WayBack }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts: Record<NotFoundWhat, string> = {
    page: t('notFound.page'),
    environment: t('notFound.environment'),
    serverProfile: t('notFound.serverProfile'),
    mailbox: t('notFound.mailbox'),
    job: t('notFound.job'),
    securityRole: t('notFound.securityRole'),
  };
  return (
    <>
      <PageHeader crumbs={crumbs ?? [{ label: t('notFound.title') }]} title={t('notFound.title')} />
      <div className={styles.body}>
        <Text>{texts[what]}</Text>
        {back && <RouterLink to={back.href}>{t('notFound.back', { label: back.label })}</RouterLink>}
        <RouterLink to={paths.home.getHref()}>{t('notFound.home')}</RouterLink>
      </div>
    </>
  );
}
