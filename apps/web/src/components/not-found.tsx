import { Text, makeStyles, tokens } from '@fluentui/react-components';
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

/**
 * A bad or unknown address: say so and offer the way back. A record the user may not read looks the same,
 * so its existence does not leak (the API answers 404 for both).
 */
export function NotFound({ what = 'page', crumbs, back }: { what?: string; crumbs?: Crumb[]; back?: WayBack }) {
  const styles = useStyles();
  return (
    <>
      <PageHeader crumbs={crumbs ?? [{ label: 'Not found' }]} title="Not found" />
      <div className={styles.body}>
        <Text>This {what} doesn&apos;t exist, or you don&apos;t have access to it. Check the address, or go back.</Text>
        {back && <RouterLink to={back.href}>Back to {back.label}</RouterLink>}
        <RouterLink to={paths.home.getHref()}>Go to the home page</RouterLink>
      </div>
    </>
  );
}
