import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Fragment } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalL },
});

export interface Crumb {
  label: string;
  href?: string;
}

/** The admin center's page header: where you are (Settings > Email > …) and the page title. */
export function PageHeader({ crumbs, title }: { crumbs: Crumb[]; title: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <header className={styles.header}>
      <title>{`${title} · Sync Admin`}</title>
      <Breadcrumb aria-label={t('breadcrumb')} size="small">
        {crumbs.map((crumb, index) => {
          const current = index === crumbs.length - 1;
          const { href } = crumb;
          return (
            <Fragment key={crumb.label}>
              <BreadcrumbItem>
                {href && !current ? (
                  <BreadcrumbButton onClick={() => void navigate(href)}>{crumb.label}</BreadcrumbButton>
                ) : (
                  <Text size={200} aria-current={current ? 'page' : undefined}>{crumb.label}</Text>
                )}
              </BreadcrumbItem>
              {!current && <BreadcrumbDivider />}
            </Fragment>
          );
        })}
      </Breadcrumb>
      <Title3 as="h1">{title}</Title3>
    </header>
  );
}
