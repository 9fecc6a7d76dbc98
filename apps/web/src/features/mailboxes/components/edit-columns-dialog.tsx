import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMailboxLabels } from '../lib/labels.ts';
import { DEFAULT_MAILBOX_COLUMNS, type MailboxColumnId } from '../lib/mailbox-columns.ts';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  label: { flexGrow: 1 },
});

interface Props {
  columns: readonly MailboxColumnId[];
  onApply: (columns: MailboxColumnId[] | null) => void;
  onCancel: () => void;
}

/**
 * The admin center's "Edit columns": tick the columns to show and move them up or down; every column is
 * listed, the shown ones first in their order. Name stays first and shown: it is the frozen column.
 */
export function EditColumnsDialog({ columns, onApply, onCancel }: Props) {
  const styles = useStyles();
  const { t } = useTranslation(['mailboxes', 'common']);
  const labels = useMailboxLabels();
  const hidden = DEFAULT_MAILBOX_COLUMNS.filter((id) => !columns.includes(id));
  const [order, setOrder] = useState<MailboxColumnId[]>([...columns, ...hidden]);
  const [shown, setShown] = useState<ReadonlySet<MailboxColumnId>>(new Set(columns));

  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const [id] = next.splice(index, 1);
    next.splice(index + by, 0, id!);
    setOrder(next);
  };
  const toggle = (id: MailboxColumnId, checked: boolean) => {
    const next = new Set(shown);
    if (checked) next.add(id);
    else next.delete(id);
    setShown(next);
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('editColumns.title')}</DialogTitle>
          <DialogContent>
            <ul className={styles.list} aria-label={t('editColumns.columns')}>
              {order.map((id, index) => {
                const label = labels.column[id];
                const isName = id === 'name';
                return (
                  <li key={id} className={styles.item}>
                    <Checkbox
                      className={styles.label}
                      label={label}
                      checked={shown.has(id)}
                      disabled={isName}
                      onChange={(_, data) => toggle(id, data.checked === true)}
                    />
                    <Button
                      appearance="subtle"
                      icon={<ArrowUpRegular />}
                      aria-label={t('editColumns.moveUp', { label })}
                      disabled={isName || index <= 1}
                      onClick={() => move(index, -1)}
                    />
                    <Button
                      appearance="subtle"
                      icon={<ArrowDownRegular />}
                      aria-label={t('editColumns.moveDown', { label })}
                      disabled={isName || index === order.length - 1}
                      onClick={() => move(index, 1)}
                    />
                  </li>
                );
              })}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onApply(order.filter((id) => shown.has(id)))}>{t('editColumns.apply')}</Button>
            <Button onClick={() => onApply(null)}>{t('editColumns.reset')}</Button>
            <Button onClick={onCancel}>{t('common:cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
