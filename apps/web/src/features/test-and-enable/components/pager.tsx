import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';

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
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className={styles.root} aria-label={`Pages of ${noun}`}>
      <Text aria-live="polite">
        {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()} {noun}
      </Text>
      <Button icon={<ChevronLeftRegular />} disabled={page <= 1} onClick={() => onPageChange(page - 1)}>Previous</Button>
      <Button icon={<ChevronRightRegular />} iconPosition="after" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>Next</Button>
    </nav>
  );
}
