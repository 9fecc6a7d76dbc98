import { MAILBOX_COLUMN_IDS, MAILBOX_IMPORT_MODES, type MailboxColumnId } from '@sync-admin/domain';
import { z } from 'zod';
import { text } from './primitives.ts';
import { mailboxListQuerySchema } from './mailboxes.ts';

/** The largest import file (bytes) and row count: a preview runs every row through the form's rules. */
export const MAILBOX_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const MAILBOX_IMPORT_MAX_ROWS = 5_000;

/** The list's filter and sort, without paging (every matching row), plus the grid's visible columns in order. */
export const mailboxExportQuerySchema = mailboxListQuerySchema.omit({ offset: true, limit: true }).extend({
  columns: text()
    .transform((value) => value.split(',').map((column) => column.trim()).filter((column) => column !== ''))
    .pipe(z.array(z.enum(MAILBOX_COLUMN_IDS as [MailboxColumnId, ...MailboxColumnId[]], {
      message: `columns must be a comma-separated list of: ${MAILBOX_COLUMN_IDS.join(', ')}.`,
    })).min(1, 'Choose at least one column.'))
    .default(MAILBOX_COLUMN_IDS),
}).strict();
export type MailboxExportQuery = z.input<typeof mailboxExportQuerySchema>;

/** The CSV file's bytes, base64-encoded so the server can tell UTF-8 from another encoding. */
const importFile = z.base64('file must be the CSV file encoded as base64.')
  .max(Math.ceil(MAILBOX_IMPORT_MAX_BYTES / 3) * 4, `The file can be at most ${MAILBOX_IMPORT_MAX_BYTES / 1024 / 1024} MB.`);

export const mailboxImportPreviewRequestSchema = z.object({ file: importFile }).strict();
export type MailboxImportPreviewRequest = z.infer<typeof mailboxImportPreviewRequestSchema>;

export const mailboxImportRequestSchema = z.object({
  file: importFile,
  mode: z.enum(MAILBOX_IMPORT_MODES),
  /** The preview's `expectedVersion` of each line: a row whose mailbox changed since is reported, not written. */
  expected: z.array(z.object({ line: z.number().int().min(2), version: z.number().int().min(0).nullable() }).strict()).max(MAILBOX_IMPORT_MAX_ROWS),
}).strict();
export type MailboxImportRequest = z.infer<typeof mailboxImportRequestSchema>;

export const mailboxImportResponseSchema = z.object({
  written: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  failed: z.number(),
  rows: z.array(z.object({
    line: z.number(),
    emailAddress: text(),
    outcome: z.enum(['create', 'update', 'unchanged', 'error']),
    mailboxId: text().nullable(),
    expectedVersion: z.number().nullable(),
    changedFields: z.array(text()),
    /** `field` is the file's column label (or "row" for the row as a whole). */
    errors: z.array(z.object({ field: text(), message: text() })),
  })),
});
export type MailboxImportResponse = z.infer<typeof mailboxImportResponseSchema>;
