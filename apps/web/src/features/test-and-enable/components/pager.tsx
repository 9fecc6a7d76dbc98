import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format-time.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

interface Props {
  /** What is counted: "jobs", "mailboxes". */
  noun: string;
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

/** Server-side paging: where the rows on screen sit in the whole, and the way to the pages around them. */
export function Pager({ noun, page, pageSize, total, onPageChange }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('test-and-enable');
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className={styles.root} aria-label={t('pager.pagesOf', { noun })}>
      <Text aria-live="polite">
        {t('pager.range', { first: formatNumber(first), last: formatNumber(last), total: formatNumber(total), noun })}
      </Text>
      <Button icon={<ChevronLeftRegular />} disabled={page <= 1} onClick={() => onPageChange(page - 1)}>{t('pager.previous')}</Button>
      <Button icon={<ChevronRightRegular />} iconPosition="after" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>{t('pager.next')}</Button>
    </nav>
  );
}
