import { makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    // On a phone each term sits above its detail instead of squeezing it.
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalXXS },
  },
  term: { fontWeight: tokens.fontWeightSemibold, '@media (max-width: 480px)': { marginTop: tokens.spacingVerticalS } },
  detail: { margin: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, overflowWrap: 'anywhere', minWidth: 0 },
});

/** Terms and their details, read-only, as the Dynamics 365 forms lay out what a record says about itself. */
export function ReadOnlyFacts({ rows, label }: { rows: [string, ReactNode][]; label?: string }) {
  const styles = useStyles();
  return (
    <dl className={styles.grid} aria-label={label}>
      {rows.map(([term, detail]) => (
        <Fragment key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
