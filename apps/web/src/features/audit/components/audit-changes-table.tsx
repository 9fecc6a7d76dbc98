import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowRightRegular } from '@fluentui/react-icons';
import type { AuditEntryResponse } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { auditFieldLabel, formatAuditValue } from '../lib/format-audit-change.ts';

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground2 },
  arrow: { color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
  before: { color: tokens.colorNeutralForeground2, wordBreak: 'break-word' },
  after: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-word' },
});

/** One entry's changes: each field with its value before → after. */
export function AuditChangesTable({ entry }: { entry: AuditEntryResponse }) {
  const styles = useStyles();
  const { t } = useTranslation('audit');
  if (entry.changes.length === 0) return <Text size={200}>{t('noChanges')}</Text>;
  return (
    <Table size="small" className={styles.table} aria-label={t('changesOf', { name: entry.entityName })}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('column.field')}</TableHeaderCell>
          <TableHeaderCell>{t('column.oldValue')}</TableHeaderCell>
          <TableHeaderCell>{t('column.newValue')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entry.changes.map((change) => (
          <TableRow key={change.field}>
            <TableCell>{auditFieldLabel(entry.entityType, change.field)}</TableCell>
            <TableCell className={styles.before}>{formatAuditValue(change.field, change.before)}</TableCell>
            <TableCell className={styles.after}>
              <ArrowRightRegular className={styles.arrow} aria-hidden />
              {formatAuditValue(change.field, change.after)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
