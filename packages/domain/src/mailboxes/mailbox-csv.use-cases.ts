import type { Actor } from '../access/actor.ts';
import type { SecurityRoleRepository } from '../access/security-role.repository.port.ts';
import { diffForAudit } from '../audit/audit-entry.ts';
import type { Environment } from '../environments/environment.ts';
import { DomainError, validationFailed, type FieldError } from '../shared/domain-error.ts';
import { walkKeyset } from '../shared/keyset-walk.ts';
import type { WriteUnitOfWork } from '../shared/unit-of-work.port.ts';
import { readScope } from './mailbox-access.ts';
import { importFieldError } from './mailbox-import-sentences.ts';
import type { MailboxFilter, MailboxPage } from './mailbox-list-query.ts';
import type { MailboxCursor } from './mailbox.repository.port.ts';
import { MAILBOX_SETTING_LABELS, type Mailbox, type MailboxListItem, type MailboxSettings, type MailboxType } from './mailbox.ts';
import { createMailbox, updateMailbox, type MailboxChanges, type MailboxDeps } from './mailbox.use-cases.ts';
import { normalizeEmailAddress } from './validate-mailbox.ts';

/**
 * Every mailbox of a filter in the grid's order, batch by batch (keyset paging), with the list's access rule:
 * the caller writes each batch out before the next is read, so memory holds one batch, not the list.
 * Access is checked now, before anything is sent.
 */
export function exportMailboxes(
  deps: Pick<MailboxDeps, 'mailboxes'>, actor: Actor, environmentId: string, filter: MailboxFilter,
  order: Pick<MailboxPage, 'sort' | 'order'>, batchSize: number,
): AsyncIterable<MailboxListItem[]> {
  const scoped = { ...filter, ...readScope(actor) };
  return walkKeyset<MailboxListItem, MailboxCursor>((after) => deps.mailboxes.listMailboxBatch(environmentId, scoped, { ...order, limit: batchSize }, after));
}

/** One row of an import file, read and checked against the wire schemas; `errors` holds what failed there, by request field ("row": the row as a whole). */
export interface MailboxImportRow {
  /** The file's line, for the admin to find the row (the header is line 1). */
  line: number;
  emailAddress: string;
  /** Only for a new mailbox (User when absent); an existing mailbox keeps its type. */
  type?: MailboxType;
  changes: MailboxChanges;
  errors: FieldError[];
}

export const MAILBOX_IMPORT_MODES = ['allOrNothing', 'validRows'] as const;
export type MailboxImportMode = (typeof MAILBOX_IMPORT_MODES)[number];

/**
 * What the preview saw of each row: the version of the mailbox with that address, or null when there was
 * none. An import given it refuses a row whose mailbox has changed since (or appeared), not overwriting it.
 */
export type MailboxImportExpectation = number | null;

export type MailboxImportOutcome = 'create' | 'update' | 'unchanged' | 'error';

export interface MailboxImportRowResult {
  line: number;
  emailAddress: string;
  outcome: MailboxImportOutcome;
  mailboxId: string | null;
  /** The version the row was decided on (null: no mailbox had the address): send it back to import. */
  expectedVersion: MailboxImportExpectation;
  /** The form's labels of the fields the row sets or changes. */
  changedFields: string[];
  errors: FieldError[];
}

export interface MailboxImportResult {
  /** False for a preview, and for an all-or-nothing import that met an error: nothing was saved. */
  written: boolean;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  rows: MailboxImportRowResult[];
}

export type MailboxImportDeps = Omit<MailboxDeps, 'securityRoles'> & {
  unitOfWork: WriteUnitOfWork;
  securityRoles: Pick<SecurityRoleRepository, 'findUser' | 'listUsers'>;
};

const AUDITED_SETTINGS = Object.keys(MAILBOX_SETTING_LABELS) as (keyof MailboxSettings)[];

/** Thrown inside the transaction to roll back a preview or a failed all-or-nothing import, carrying its results. */
class RollBack extends Error {
  constructor(readonly rows: MailboxImportRowResult[]) {
    super('rolled back');
  }
}

function duplicatedAddresses(rows: readonly MailboxImportRow[]): FieldError[] {
  const firstLine = new Map<string, number>();
  const errors: FieldError[] = [];
  for (const row of rows) {
    const address = normalizeEmailAddress(row.emailAddress);
    if (address === '') continue;
    const seen = firstLine.get(address);
    if (seen === undefined) firstLine.set(address, row.line);
    else errors.push(importFieldError('emailAddress', 'IMPORT_ADDRESS_REPEATED', { first: seen, line: row.line, address }));
  }
  return errors;
}

function rowErrors(error: unknown): FieldError[] {
  if (!(error instanceof DomainError)) throw error;
  if (error.fieldErrors.length > 0) return error.fieldErrors;
  // A refusal of the row as a whole (an access rule): its own sentence, said from `errors:code.<code>`.
  return [{ field: 'row', code: error.messageCode, ...(error.params ? { params: error.params } : {}), message: error.message }];
}

function changedLabels(before: Mailbox | null, after: Mailbox): string[] {
  return diffForAudit(before, after, AUDITED_SETTINGS).map((change) => MAILBOX_SETTING_LABELS[change.field as keyof MailboxSettings]);
}

/** One row through the same services as New mailbox and a mailbox edit: their rules, versioning and audit. */
async function importRow(
  deps: MailboxDeps, actor: Actor, environment: Environment, row: MailboxImportRow, current: Mailbox | null, expected: MailboxImportExpectation | undefined,
): Promise<MailboxImportRowResult> {
  const seen = current?.version ?? null;
  const result = { line: row.line, emailAddress: row.emailAddress, mailboxId: current?.id ?? null, expectedVersion: seen, changedFields: [] };
  const failed = (errors: FieldError[]): MailboxImportRowResult => ({ ...result, outcome: 'error', errors });
  if (row.errors.length > 0) return failed(row.errors);
  if (expected !== undefined && expected !== seen) {
    return failed([importFieldError('emailAddress', expected === null ? 'IMPORT_CREATED_SINCE_PREVIEW' : 'IMPORT_CHANGED_SINCE_PREVIEW')]);
  }
  try {
    if (!current) {
      const created = await createMailbox(deps, actor, environment, row.type ?? 'user', row.changes);
      return { ...result, outcome: 'create', mailboxId: created.id, changedFields: changedLabels(null, created), errors: [] };
    }
    if (row.type !== undefined && row.type !== current.type) {
      return failed([importFieldError('type', 'IMPORT_TYPE_CANNOT_CHANGE')]);
    }
    const updated = await updateMailbox(deps, actor, environment, current.id, { ...row.changes, version: current.version });
    const changedFields = changedLabels(current, updated);
    return { ...result, outcome: changedFields.length > 0 || updated.version !== current.version ? 'update' : 'unchanged', changedFields, errors: [] };
  } catch (error) {
    return failed(rowErrors(error));
  }
}

function summarize(rows: MailboxImportRowResult[], written: boolean): MailboxImportResult {
  const count = (outcome: MailboxImportOutcome) => rows.filter((row) => row.outcome === outcome).length;
  return { written, created: count('create'), updated: count('update'), unchanged: count('unchanged'), failed: count('error'), rows };
}

/**
 * Creates or updates mailboxes by email address. A preview runs the very same import in a transaction it
 * then rolls back, so preview and import cannot disagree on a rule; all-or-nothing rolls back on any error;
 * valid rows writes each row on its own, as the form would. `expected` (the preview's versions, by line)
 * makes a row that changed since the preview an error instead of a silent overwrite.
 */
export async function importMailboxes(
  deps: MailboxImportDeps, actor: Actor, environment: Environment, rows: readonly MailboxImportRow[],
  options: { mode: 'preview' | MailboxImportMode; expected?: ReadonlyMap<number, MailboxImportExpectation> },
): Promise<MailboxImportResult> {
  const duplicates = duplicatedAddresses(rows);
  if (duplicates.length > 0) throw validationFailed(duplicates);
  // The directory is read once, before any transaction: every read inside one goes through it (the embedded
  // database has a single connection, which the transaction holds).
  const users = new Map((await deps.securityRoles.listUsers(environment.id)).map((user) => [user.id, user]));
  const directory = { findUser: async (_environmentId: string, id: string) => users.get(id) ?? null };
  const importAll = async (rowDeps: MailboxDeps) => {
    const existing = await rowDeps.mailboxes.findMailboxesByEmailAddress(environment.id, rows.map((row) => row.emailAddress));
    const byAddress = new Map(existing.map((mailbox) => [normalizeEmailAddress(mailbox.emailAddress), mailbox]));
    const results: MailboxImportRowResult[] = [];
    for (const row of rows) {
      results.push(await importRow(rowDeps, actor, environment, row, byAddress.get(normalizeEmailAddress(row.emailAddress)) ?? null, options.expected?.get(row.line)));
    }
    return results;
  };
  if (options.mode === 'validRows') {
    const results = await importAll({ ...deps, securityRoles: directory });
    return summarize(results, results.some((row) => row.outcome === 'create' || row.outcome === 'update'));
  }
  try {
    const results = await deps.unitOfWork.run(async (tx) => {
      const results = await importAll({ ...deps, securityRoles: directory, mailboxes: tx.mailboxes, profiles: tx.profiles, emailSettings: tx.emailSettings });
      if (options.mode === 'preview' || results.some((row) => row.outcome === 'error')) throw new RollBack(results);
      return results;
    });
    return summarize(results, true);
  } catch (error) {
    if (error instanceof RollBack) return summarize(error.rows, false);
    throw error;
  }
}
