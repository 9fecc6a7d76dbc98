import { MAILBOX_IMPORT_MAX_BYTES, MAILBOX_IMPORT_MAX_ROWS, mailboxImportRowSchema, type MailboxImportResponse } from '@sync-admin/contract';
import {
  APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS,
  INCOMING_EMAIL_DELIVERY_METHOD_LABELS,
  MAILBOX_COLUMN_LABELS,
  MAILBOX_COLUMN_TEXT,
  MAILBOX_SETTING_LABELS,
  MAILBOX_TYPE_LABELS,
  NO_SERVER_PROFILE_LABEL,
  OUTGOING_EMAIL_DELIVERY_METHOD_LABELS,
  importFieldError,
  validationFailed,
  type FieldError,
  type MailboxColumnId,
  type MailboxImportResult,
  type MailboxImportSentenceCode,
  type MailboxImportRow,
  type MailboxListItem,
  type MailboxSettings,
  type MailboxType,
  type MessageParams,
} from '@sync-admin/domain';
import Papa from 'papaparse';
import { FORMULA_START, type CsvColumn } from '../../lib/csv-export.ts';
import { issueCode, type IssueDetails } from '../../lib/zod-issue-codes.ts';
import { toMailboxChanges } from './mailbox.mapper.ts';

/*
 * The CSV form of the Mailboxes grid: the export writes the grid's columns under its labels, the import reads
 * them back (and the form's fields under the form's labels), turning labels into the wire values the
 * contract's schemas check. What a value may be is decided by those schemas and the domain, never here.
 */

/** The Mailboxes grid's columns in the file: the domain's labels and cell texts, in the order asked for. */
export function mailboxCsvColumns(columns: readonly MailboxColumnId[]): CsvColumn<MailboxListItem>[] {
  return columns.map((column) => ({ label: MAILBOX_COLUMN_LABELS[column], text: MAILBOX_COLUMN_TEXT[column] }));
}

type SettingField = keyof MailboxSettings;

/** A choice column: the label shown for each wire value. */
type Choices = Record<string, string>;

const YES_NO: Choices = { true: 'Yes', false: 'No' };
const ACTIVE: Choices = { true: 'Active', false: 'Inactive' };

/** The columns an import writes: the form's fields, under the form's labels; Type only for a new mailbox. */
const IMPORT_FIELDS: Partial<Record<SettingField, Choices | 'text' | 'date' | 'reference'>> = {
  name: 'text',
  emailAddress: 'text',
  ownerId: 'reference',
  isActive: ACTIVE,
  serverProfileId: 'reference',
  incomingEmailDeliveryMethod: INCOMING_EMAIL_DELIVERY_METHOD_LABELS,
  outgoingEmailDeliveryMethod: OUTGOING_EMAIL_DELIVERY_METHOD_LABELS,
  appointmentsContactsTasksDeliveryMethod: APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS,
  syncItemsFromThisOrgOnly: YES_NO,
  allowCredentialsForEmailProcessing: YES_NO,
  userName: 'text',
  processEmailsReceivedAfter: 'date',
};
const TYPE_COLUMN = MAILBOX_COLUMN_LABELS.type;
const EMAIL_ADDRESS_COLUMN = MAILBOX_SETTING_LABELS.emailAddress;

const FIELD_BY_LABEL = new Map(Object.keys(IMPORT_FIELDS).map((field) => [MAILBOX_SETTING_LABELS[field as SettingField].toLowerCase(), field as SettingField]));

/** The grid's status columns an export writes: read back without effect, so an export can be re-imported. */
const READ_ONLY_COLUMNS = new Set(
  (Object.entries(MAILBOX_COLUMN_LABELS) as [MailboxColumnId, string][])
    .filter(([, label]) => !FIELD_BY_LABEL.has(label.toLowerCase()) && label !== TYPE_COLUMN)
    .map(([, label]) => label.toLowerCase()),
);

/** Names the file may use for a profile or an owner, each with the id it stands for. */
export interface MailboxCsvReferences {
  profiles: readonly { id: string; name: string }[];
  users: readonly { id: string; fullName: string; email: string }[];
}

function fileError(code: MailboxImportSentenceCode, params?: MessageParams): never {
  throw validationFailed([importFieldError('file', code, params)]);
}

function decodeUtf8(bytes: Buffer): string {
  if (bytes.length > MAILBOX_IMPORT_MAX_BYTES) fileError('IMPORT_FILE_TOO_LARGE', { maxMb: MAILBOX_IMPORT_MAX_BYTES / 1024 / 1024 });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fileError('IMPORT_FILE_NOT_UTF8');
  }
}

/** The apostrophe the export put before a formula-like value is not part of the value. */
function unguard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function choiceValue(choices: Choices, cell: string): string | undefined {
  return Object.entries(choices).find(([, label]) => label.toLowerCase() === cell.toLowerCase())?.[0];
}

function byName<T>(items: readonly T[], names: (item: T) => string[], cell: string): T[] {
  return items.filter((item) => names(item).some((name) => name.toLowerCase() === cell.toLowerCase()));
}

/** A cell that is none of its column's choices, which the file spells as the grid does. */
const notAChoice = (field: string, cell: string, choices: Choices) =>
  importFieldError(field, 'IMPORT_CHOICE_UNKNOWN', { value: cell, choices: Object.values(choices).join(', ') });

/** One cell to its wire value, or the reason it cannot be one. */
function readCell(field: SettingField, cell: string, references: MailboxCsvReferences): { value: unknown } | { error: FieldError } {
  const kind = IMPORT_FIELDS[field]!;
  if (kind === 'text' || kind === 'date') return { value: cell };
  if (kind === 'reference') {
    if (field === 'serverProfileId') {
      if (cell === NO_SERVER_PROFILE_LABEL) return { value: null };
      const found = byName(references.profiles, (profile) => [profile.name], cell);
      return found.length === 1 ? { value: found[0]!.id } : { error: importFieldError(field, 'IMPORT_PROFILE_NAME_UNKNOWN', { name: cell }) };
    }
    const found = byName(references.users, (user) => [user.fullName, user.email], cell);
    if (found.length === 1) return { value: found[0]!.id };
    return { error: importFieldError(field, found.length === 0 ? 'IMPORT_OWNER_NAME_UNKNOWN' : 'IMPORT_OWNER_NAME_AMBIGUOUS', { name: cell }) };
  }
  const value = choiceValue(kind, cell);
  if (value === undefined) return { error: notAChoice(field, cell, kind) };
  return { value: value === 'true' ? true : value === 'false' ? false : value };
}

/** A request field's column in the file: the form's label, Type's column; "row" stays the row as a whole. */
function labelOf(field: string): string {
  return field === 'type' ? TYPE_COLUMN : MAILBOX_SETTING_LABELS[field as SettingField] ?? field;
}

/**
 * Reads an import file into rows the use case can run: UTF-8 (a BOM is fine), a header of known labels with
 * Email Address, at most MAILBOX_IMPORT_MAX_ROWS rows. What breaks the file is a 400; what breaks a row is
 * that row's error, under its column's label.
 */
export function readMailboxCsv(bytes: Buffer, references: MailboxCsvReferences): MailboxImportRow[] {
  const parsed = Papa.parse<string[]>(decodeUtf8(bytes).replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((error) => error.type !== 'Delimiter');
  // papaparse's reason stays its English: it names what the parser met, like any data quoted from the file.
  if (broken) fileError('IMPORT_FILE_NOT_CSV', { row: (broken.row ?? 0) + 1, reason: broken.message });
  const [header, ...lines] = parsed.data;
  if (!header || lines.length === 0) fileError('IMPORT_FILE_EMPTY');
  if (lines.length > MAILBOX_IMPORT_MAX_ROWS) fileError('IMPORT_FILE_TOO_MANY_ROWS', { rows: lines.length, max: MAILBOX_IMPORT_MAX_ROWS });
  const labels = header.map((label) => label.trim());
  const unknown = labels.filter((label) => !FIELD_BY_LABEL.has(label.toLowerCase()) && label !== TYPE_COLUMN && !READ_ONLY_COLUMNS.has(label.toLowerCase()));
  if (unknown.length > 0) {
    const allowed = [...new Set([...Object.keys(IMPORT_FIELDS).map(labelOf), TYPE_COLUMN])];
    fileError('IMPORT_COLUMNS_UNKNOWN', { columns: unknown.map((label) => `"${label}"`).join(', '), allowed: allowed.join(', ') });
  }
  const repeated = labels.find((label, index) => labels.findIndex((other) => other.toLowerCase() === label.toLowerCase()) !== index);
  if (repeated) fileError('IMPORT_COLUMN_REPEATED', { column: repeated });
  const emailColumn = labels.findIndex((label) => label.toLowerCase() === EMAIL_ADDRESS_COLUMN.toLowerCase());
  if (emailColumn < 0) fileError('IMPORT_EMAIL_COLUMN_MISSING', { column: EMAIL_ADDRESS_COLUMN });

  return lines.map((cells, index) => {
    const line = index + 2;
    const errors: FieldError[] = [];
    const wire: Record<string, unknown> = {};
    let type: MailboxType | undefined;
    if (cells.length !== labels.length) errors.push(importFieldError('row', 'IMPORT_ROW_CELL_COUNT', { cells: cells.length, header: labels.length }));
    labels.forEach((label, column) => {
      const cell = unguard((cells[column] ?? '').trim());
      if (label === TYPE_COLUMN) {
        if (cell === '') return;
        type = choiceValue(MAILBOX_TYPE_LABELS, cell) as MailboxType | undefined;
        if (!type) errors.push(notAChoice('type', cell, MAILBOX_TYPE_LABELS));
        return;
      }
      const field = FIELD_BY_LABEL.get(label.toLowerCase());
      // An empty cell keeps the mailbox's value (a new one takes the form's default), as a field left alone does.
      if (!field || cell === '') return;
      const read = readCell(field, cell, references);
      if ('error' in read) errors.push(read.error);
      else wire[field] = read.value;
    });
    // The contract's schema for a mailbox edit: the same checks the form's request meets.
    const checked = mailboxImportRowSchema.safeParse(wire);
    if (!checked.success) {
      errors.push(...checked.error.issues.map((issue): FieldError => {
        const field = String(issue.path[0] ?? 'row');
        return { field, ...issueCode(issue.code, issue as IssueDetails, labelOf(field)), message: issue.message };
      }));
    }
    return {
      line,
      emailAddress: (cells[emailColumn] ?? '').trim(),
      ...(type ? { type } : {}),
      changes: checked.success ? toMailboxChanges(checked.data) : { settings: {} },
      errors,
    };
  });
}

/** Domain → wire: every error under the file's column label, beside the request field and the sentence's code. */
export function toMailboxImportResponse(result: MailboxImportResult): MailboxImportResponse {
  return {
    ...result,
    rows: result.rows.map((row) => ({
      ...row,
      errors: row.errors.map(({ field, code, params, message }) => ({
        field: labelOf(field), ...(field === 'row' ? {} : { requestField: field }), message, ...(code ? { code } : {}), ...(params ? { params } : {}),
      })),
    })),
  };
}
