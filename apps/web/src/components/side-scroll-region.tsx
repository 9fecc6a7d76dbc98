import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  // `contain` keeps a wide table from widening its parents: on a phone the table scrolls here, never the page.
  region: { overflowX: 'auto', contain: 'inline-size' },
});

interface Props {
  /** What the region holds; screen readers hear it with "(scrolls sideways)". */
  label: string;
  /** The width below which the content scrolls rather than squeezes. */
  minWidth?: string;
  children: ReactNode;
}

/**
 * A wide table or grid on a narrow screen. The region takes keyboard focus so that it can be scrolled
 * without a pointer (axe's scrollable-region-focusable).
 */
export function SideScrollRegion({ label, minWidth, children }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.region} role="region" aria-label={t('scrollsSideways', { label })} tabIndex={0}>
      {minWidth ? <div style={{ minWidth }}>{children}</div> : children}
    </div>
  );
}
