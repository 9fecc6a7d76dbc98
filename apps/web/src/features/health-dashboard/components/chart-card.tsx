import { Subtitle2, ToggleButton, makeStyles } from '@fluentui/react-components';
import { TableRegular } from '@fluentui/react-icons';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardStyles } from '../../../components/card-styles.ts';

const useStyles = makeStyles({
  toggle: { marginInlineStart: 'auto' },
  chart: { minWidth: 0 },
});

interface Props {
  title: string;
  /** The chart; left out where a table says it best (the server profiles). */
  chart?: ReactNode;
  /** The same figures as a real table, for screen readers and for reading exact numbers. */
  table: ReactNode;
}

/** A chart with its table: "Show as table" puts the table under the chart. */
export function ChartCard({ title, chart, table }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('health-dashboard');
  const card = useCardStyles();
  const headingId = useId();
  const [showTable, setShowTable] = useState(!chart);
  return (
    <section className={card.card} aria-labelledby={headingId}>
      <div className={card.head}>
        <Subtitle2 as="h2" id={headingId}>{title}</Subtitle2>
        {chart && (
          <ToggleButton className={styles.toggle} icon={<TableRegular />} checked={showTable} onClick={() => setShowTable((shown) => !shown)}>
            {t('showAsTable')}
          </ToggleButton>
        )}
      </div>
      {chart && <div className={styles.chart}>{chart}</div>}
      {showTable && table}
    </section>
  );
}
