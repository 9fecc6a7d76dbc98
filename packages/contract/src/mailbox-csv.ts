import { MAILBOX_COLUMN_IDS, MAILBOX_IMPORT_MODES, type MailboxColumnId } from '@sync-admin/domain';
import { z } from 'zod/mini';
import { fieldErrorSchema } from './errors.ts';
import { text } from './primitives.ts';
import { mailboxListQuerySchema, updateMailboxRequestSchema } from './mailboxes.ts';

/** The largest import file (bytes) and row count: a preview runs every row through the form's rules. */
export const MAILBOX_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const MAILBOX_IMPORT_MAX_ROWS = 5_000;

/** The list's filter and sort, without paging (every matching row), plus the grid's visible columns in order. */
export const mailboxExportQuerySchema = z.extend(z.omit(mailboxListQuerySchema, { offset: true, limit: true }), {
  columns: z._default(
    z.pipe(
      z.pipe(text(), z.transform((value: string) => value.split(',').map((column) => column.trim()).filter((column) => column !== ''))),
      z.array(z.enum(MAILBOX_COLUMN_IDS as [MailboxColumnId, ...MailboxColumnId[]], {
        message: `columns must be a comma-separated list of: ${MAILBOX_COLUMN_IDS.join(', ')}.`,
      })).check(z.minLength(1, 'Choose at least one column.')),
    ),
    [...MAILBOX_COLUMN_IDS],
  ),
});
export type MailboxExportQuery = z.input<typeof mailboxExportQuerySchema>;

/** One imported row's fields are checked as the mailbox form's edit is; the file carries no version. */
export const mailboxImportRowSchema = z.omit(updateMailboxRequestSchema, { version: true });

/** The CSV file's bytes, base64-encoded so the server can tell UTF-8 from another encoding. */
const importFile = z.base64('file must be the CSV file encoded as base64.')
  .check(z.maxLength(Math.ceil(MAILBOX_IMPORT_MAX_BYTES / 3) * 4, `The file can be at most ${MAILBOX_IMPORT_MAX_BYTES / 1024 / 1024} MB.`));

export const mailboxImportPreviewRequestSchema = z.strictObject({ file: importFile });
export type MailboxImportPreviewRequest = z.infer<typeof mailboxImportPreviewRequestSchema>;

export const mailboxImportRequestSchema = z.strictObject({
  file: importFile,
  mode: z.enum(MAILBOX_IMPORT_MODES),
  /** The preview's `expectedVersion` of each line: a row whose mailbox changed since is reported, not written. */
  expected: z.array(z.strictObject({
    line: z.number().check(z.int(), z.minimum(2)),
    version: z.nullable(z.number().check(z.int(), z.minimum(0))),
  })).check(z.maxLength(MAILBOX_IMPORT_MAX_ROWS)),
});
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
    mailboxId: z.nullable(text()),
    expectedVersion: z.nullable(z.number()),
    changedFields: z.array(text()),
    /**
     * `field` is the file's column label (or "row" for the row as a whole), `requestField` the form's field it writes;
     * `code` and `params` name the English `message`'s sentence, for a UI to say it in its own language (decision 61).
     */
    errors: z.array(z.extend(fieldErrorSchema, { requestField: z.optional(text()) })),
  })),
});
export type MailboxImportResponse = z.infer<typeof mailboxImportResponseSchema>;
