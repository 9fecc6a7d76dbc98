import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MailboxImportRequest, MailboxImportResponse } from '@sync-admin/contract';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessageBar, type FormMessage } from '../../../components/form-message-bar.tsx';
import { SideScrollRegion } from '../../../components/side-scroll-region.tsx';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { formatNumber } from '../../../lib/format-time.ts';
import { fieldErrorText } from '../../../lib/server-messages.ts';
import { readFileAsBase64, useImportMailboxes, usePreviewMailboxImport } from '../api/mailbox-csv.ts';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  totals: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  scroller: { maxHeight: 'min(360px, 45vh)', overflowY: 'auto' },
  details: { overflowWrap: 'anywhere' },
});

type ImportRow = MailboxImportResponse['rows'][number];

const OUTCOME_LABELS: Record<ImportRow['outcome'], { previewKey: string; doneKey: string }> = {
  create: { previewKey: 'import.willCreate', doneKey: 'import.created' },
  update: { previewKey: 'import.willUpdate', doneKey: 'import.updated' },
  unchanged: { previewKey: 'import.noChange', doneKey: 'import.noChange' },
  error: { previewKey: 'import.error', doneKey: 'import.error' },
};

/**
 * The row's errors, else the columns it changes. A column is named as the file names it (the grid's English labels,
 * decision 50); each error is said in the language shown from its code (decision 61).
 */
function rowDetails(row: ImportRow, t: TFunction<'mailboxes'>): string {
  if (row.errors.length > 0) {
    return row.errors
      .map(({ requestField, ...error }) => `${requestField === undefined ? t('import.wholeRow') : error.field}: ${fieldErrorText({ ...error, field: requestField ?? error.field })}`)
      .join(' ');
  }
  return row.changedFields.length > 0 ? t('import.changes', { fields: row.changedFields.join(', ') }) : '';
}

/** A refused file: why, and each reason when there are several (two addresses, each on two lines). */
const refusal = (error: unknown): FormMessage => ({
  intent: 'error',
  title: errorMessage(error),
  details: error instanceof ApiError && error.fieldErrors.length > 1 ? error.fieldErrors.map((fieldError) => fieldError.message) : [],
});

function ImportRowsTable({ result, isDone }: { result: MailboxImportResponse; isDone: boolean }) {
  const styles = useStyles();
  // The rows' sentences come from the errors and fields namespaces, which the import's requests load.
  const { t } = useTranslation('mailboxes');
  const label = isDone ? t('import.results') : t('import.preview');
  return (
    <div className={styles.scroller}>
      <SideScrollRegion label={label} minWidth="640px">
        <Table size="small" aria-label={label}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('import.line')}</TableHeaderCell>
              <TableHeaderCell>{t('column.emailAddress')}</TableHeaderCell>
              <TableHeaderCell>{t('import.result')}</TableHeaderCell>
              <TableHeaderCell>{t('import.details')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((row) => (
              <TableRow key={row.line}>
                <TableCell>{row.line}</TableCell>
                <TableCell>{row.emailAddress}</TableCell>
                <TableCell>{t(isDone ? OUTCOME_LABELS[row.outcome].doneKey : OUTCOME_LABELS[row.outcome].previewKey)}</TableCell>
                <TableCell className={styles.details}>{rowDetails(row, t)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </SideScrollRegion>
    </div>
  );
}

function Totals({ result }: { result: MailboxImportResponse }) {
  const styles = useStyles();
  const { t } = useTranslation('mailboxes');
  return (
    <div className={styles.totals} role="status">
      <Badge appearance="tint" color="success">{t('import.toCreate', { number: formatNumber(result.created) })}</Badge>
      <Badge appearance="tint" color="brand">{t('import.toUpdate', { number: formatNumber(result.updated) })}</Badge>
      <Badge appearance="tint" color="informative">{t('import.unchanged', { number: formatNumber(result.unchanged) })}</Badge>
      <Badge appearance="tint" color={result.failed > 0 ? 'danger' : 'informative'}>{t('import.withErrors', { number: formatNumber(result.failed) })}</Badge>
    </div>
  );
}

/**
 * Import from CSV: pick a file, see what each row would do (the server runs it and rolls back), choose all or
 * nothing or only the valid rows, import, and see what each row did.
 */
export function ImportMailboxesDialog({ environmentId, onClose }: { environmentId: string; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation(['mailboxes', 'common']);
  const [file, setFile] = useState<string | null>(null);
  const [mode, setMode] = useState<MailboxImportRequest['mode']>('allOrNothing');
  const preview = usePreviewMailboxImport(environmentId);
  const importing = useImportMailboxes(environmentId);
  const done = importing.data;

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('import.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {!done && (
              // A native file input: Field hands it the label's id through the render function.
              <Field label={t('import.file')} hint={t('import.fileHint')}>
                {(fieldProps) => (
                  <input
                    {...fieldProps}
                    type="file"
                    accept=".csv,text/csv"
                    onChange={async (event) => {
                      const chosen = event.target.files?.[0];
                      preview.reset();
                      setFile(chosen ? await readFileAsBase64(chosen) : null);
                    }}
                  />
                )}
              </Field>
            )}
            {preview.error && <FormMessageBar message={refusal(preview.error)} />}
            {importing.error && <FormMessageBar message={refusal(importing.error)} />}
            {preview.data && !done && (
              <>
                <Totals result={preview.data} />
                <ImportRowsTable result={preview.data} isDone={false} />
                <Field label={t('import.mode')}>
                  <RadioGroup value={mode} onChange={(_, data) => setMode(data.value as MailboxImportRequest['mode'])}>
                    <Radio value="allOrNothing" label={t('import.allOrNothing')} />
                    <Radio value="validRows" label={t('import.validRows')} />
                  </RadioGroup>
                </Field>
              </>
            )}
            {done && (
              <>
                <MessageBar intent={done.written ? 'success' : 'warning'}>
                  <MessageBarBody>
                    {done.written
                      ? t('import.imported', { created: formatNumber(done.created), updated: formatNumber(done.updated) })
                      : t('import.nothingImported')}
                  </MessageBarBody>
                </MessageBar>
                <ImportRowsTable result={done} isDone />
              </>
            )}
          </DialogContent>
          <DialogActions>
            {/* One button that turns from Preview into Import, so keyboard focus stays on it when the preview arrives. */}
            {!done && (
              <Button
                appearance="primary"
                // disabledFocusable: a natively disabled button drops focus to the page, where Escape no longer closes the dialog.
                disabledFocusable={!file || preview.isPending || importing.isPending}
                onClick={() => {
                  if (!file) return;
                  if (preview.data) importing.mutate({ file, mode, preview: preview.data });
                  else preview.mutate(file);
                }}
              >
                {preview.isPending ? t('import.checking') : importing.isPending ? t('import.importing') : preview.data ? t('import.import') : t('import.previewButton')}
              </Button>
            )}
            <Button onClick={onClose}>{done ? t('form.close') : t('common:cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
