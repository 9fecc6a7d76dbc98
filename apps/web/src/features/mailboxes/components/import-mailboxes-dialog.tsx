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
import { useState } from 'react';
import { SideScrollRegion } from '../../../components/side-scroll-region.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { readFileAsBase64, useImportMailboxes, usePreviewMailboxImport } from '../api/mailbox-csv.ts';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  totals: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  scroller: { maxHeight: 'min(360px, 45vh)', overflowY: 'auto' },
  details: { overflowWrap: 'anywhere' },
});

const OUTCOME_LABELS: Record<MailboxImportResponse['rows'][number]['outcome'], { preview: string; done: string }> = {
  create: { preview: 'Will create', done: 'Created' },
  update: { preview: 'Will update', done: 'Updated' },
  unchanged: { preview: 'No change', done: 'No change' },
  error: { preview: 'Error', done: 'Error' },
};

function rowDetails(row: MailboxImportResponse['rows'][number]): string {
  if (row.errors.length > 0) return row.errors.map((error) => `${error.field}: ${error.message}`).join(' ');
  return row.changedFields.length > 0 ? `Changes: ${row.changedFields.join(', ')}` : '';
}

function ImportRowsTable({ result, isDone }: { result: MailboxImportResponse; isDone: boolean }) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <SideScrollRegion label={isDone ? 'Import results' : 'Import preview'} minWidth="640px">
        <Table size="small" aria-label={isDone ? 'Import results' : 'Import preview'}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Line</TableHeaderCell>
              <TableHeaderCell>Email Address</TableHeaderCell>
              <TableHeaderCell>Result</TableHeaderCell>
              <TableHeaderCell>Details</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((row) => (
              <TableRow key={row.line}>
                <TableCell>{row.line}</TableCell>
                <TableCell>{row.emailAddress}</TableCell>
                <TableCell>{OUTCOME_LABELS[row.outcome][isDone ? 'done' : 'preview']}</TableCell>
                <TableCell className={styles.details}>{rowDetails(row)}</TableCell>
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
  return (
    <div className={styles.totals} role="status">
      <Badge appearance="tint" color="success">{result.created.toLocaleString()} to create</Badge>
      <Badge appearance="tint" color="brand">{result.updated.toLocaleString()} to update</Badge>
      <Badge appearance="tint" color="informative">{result.unchanged.toLocaleString()} unchanged</Badge>
      <Badge appearance="tint" color={result.failed > 0 ? 'danger' : 'informative'}>{result.failed.toLocaleString()} with errors</Badge>
    </div>
  );
}

/**
 * Import from CSV: pick a file, see what each row would do (the server runs it and rolls back), choose all or
 * nothing or only the valid rows, import, and see what each row did.
 */
export function ImportMailboxesDialog({ environmentId, onClose }: { environmentId: string; onClose: () => void }) {
  const styles = useStyles();
  const [file, setFile] = useState<string | null>(null);
  const [mode, setMode] = useState<MailboxImportRequest['mode']>('allOrNothing');
  const preview = usePreviewMailboxImport(environmentId);
  const importing = useImportMailboxes(environmentId);
  const done = importing.data;

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Import from CSV</DialogTitle>
          <DialogContent className={styles.content}>
            {!done && (
              // A native file input: Field hands it the label's id through the render function.
              <Field label="CSV file" hint="The columns of Export to CSV (Email Address is required); UTF-8.">
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
            {preview.error && <MessageBar intent="error"><MessageBarBody>{errorMessage(preview.error)}</MessageBarBody></MessageBar>}
            {importing.error && <MessageBar intent="error"><MessageBarBody>{errorMessage(importing.error)}</MessageBarBody></MessageBar>}
            {preview.data && !done && (
              <>
                <Totals result={preview.data} />
                <ImportRowsTable result={preview.data} isDone={false} />
                <Field label="Import">
                  <RadioGroup value={mode} onChange={(_, data) => setMode(data.value as MailboxImportRequest['mode'])}>
                    <Radio value="allOrNothing" label="All or nothing: if any row has an error, import none" />
                    <Radio value="validRows" label="Only the valid rows" />
                  </RadioGroup>
                </Field>
              </>
            )}
            {done && (
              <>
                <MessageBar intent={done.written ? 'success' : 'warning'}>
                  <MessageBarBody>
                    {done.written
                      ? `Imported: ${done.created.toLocaleString()} created, ${done.updated.toLocaleString()} updated.`
                      : 'Nothing was imported: the file has rows with errors. Fix them, or import only the valid rows.'}
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
                {preview.isPending ? 'Checking…' : importing.isPending ? 'Importing…' : preview.data ? 'Import' : 'Preview'}
              </Button>
            )}
            <Button onClick={onClose}>{done ? 'Close' : 'Cancel'}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
