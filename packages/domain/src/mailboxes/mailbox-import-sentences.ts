import type { FieldError, MessageParams } from '../shared/domain-error.ts';
import { tableSentence } from '../shared/sentence.ts';

/**
 * What Import from CSV says of a file or a row (decision 61): each a field error's sentence, so a UI says it from
 * `errors:field.<code>` as it says the form's. Values quoted from the file (a cell, a column, the choices a column
 * takes, which the file must spell as the grid does) stay as they are in every language.
 */
export const MAILBOX_IMPORT_SENTENCES = {
  IMPORT_FILE_TOO_LARGE: 'The file can be at most {{maxMb}} MB.',
  IMPORT_FILE_NOT_UTF8: 'The file is not UTF-8 text. Save it as "CSV UTF-8 (Comma delimited)" and try again.',
  IMPORT_FILE_NOT_CSV: 'The file is not valid CSV near row {{row}}: {{reason}}.',
  IMPORT_FILE_EMPTY: 'The file has no rows: it needs a header line and at least one mailbox.',
  IMPORT_FILE_TOO_MANY_ROWS: 'The file has {{rows, number}} rows; import at most {{max, number}} at a time.',
  IMPORT_COLUMNS_UNKNOWN: 'The file has columns that do not import: {{columns}}. Columns that import: {{allowed}}; the grid\'s status columns are read and ignored.',
  IMPORT_COLUMN_REPEATED: 'The column "{{column}}" appears twice.',
  IMPORT_EMAIL_COLUMN_MISSING: 'The column "{{column}}" is required: rows are matched to mailboxes by it.',
  IMPORT_ADDRESS_REPEATED: 'Lines {{first}} and {{line}} both have {{address}}: an address may appear once in a file.',
  IMPORT_ROW_CELL_COUNT: 'The row has {{cells}} cells; the header has {{header}}.',
  IMPORT_CHOICE_UNKNOWN: '"{{value}}" is not one of: {{choices}}.',
  IMPORT_PROFILE_NAME_UNKNOWN: 'No email server profile is named "{{name}}" in this environment.',
  IMPORT_OWNER_NAME_UNKNOWN: 'No user is named "{{name}}". Use the owner\'s full name or email address.',
  IMPORT_OWNER_NAME_AMBIGUOUS: 'Several users are named "{{name}}". Use the owner\'s email address.',
  IMPORT_CREATED_SINCE_PREVIEW: 'A mailbox with this address was created after the preview, so this row was not imported. Preview the file again.',
  IMPORT_CHANGED_SINCE_PREVIEW: 'This mailbox was changed by someone else after the preview, so this row was not imported. Preview the file again.',
  IMPORT_TYPE_CANNOT_CHANGE: 'The type of an existing mailbox cannot change. Leave the column empty or as it is.',
} as const;

export type MailboxImportSentenceCode = keyof typeof MAILBOX_IMPORT_SENTENCES;

/** An import file's or row's error on `field` (a request field, "file" or "row"), in the sentence `code` names. */
export const importFieldError = (field: string, code: MailboxImportSentenceCode, params?: MessageParams): FieldError =>
  ({ field, ...tableSentence(code, MAILBOX_IMPORT_SENTENCES[code], params) });
