import type { MailboxCursor, MailboxFilter, MailboxPage, MailboxSortField, MailboxTarget, MailboxView } from '@sync-admin/domain';
import { createSqlParams, escapeLikePattern, isUuid, type SqlParams } from '../sql/sql-params.ts';
import { MAILBOX_COMMAND_COLUMNS, MAILBOX_LIST_COLUMNS, selectList } from './mailbox.mapper.ts';

/*
 * The SQL that selects mailboxes for the grid and for "all that match" bulk commands: one WHERE builder,
 * so a page and a bulk command can never disagree on what a filter means. The table alias is always m.
 */

const VIEW_CONDITIONS: Record<MailboxView, string[]> = {
  active: ['m."isActive" = true'],
  inactive: ['m."isActive" = false'],
  pendingApproval: ['m."isActive" = true', `m."emailAddressStatus" = 'pendingApproval'`],
  failedTests: [
    'm."isActive" = true',
    `(m."incomingEmailStatus" = 'failure' OR m."outgoingEmailStatus" = 'failure' OR m."appointmentsContactsTasksStatus" = 'failure')`,
  ],
  all: [],
};

/** The search text as the query uses it, or null when there is none. */
export function searchText(filter: MailboxFilter): string | null {
  const text = filter.search?.trim();
  return text ? text : null;
}

/**
 * `m."environmentId" = … AND …` for a view and the grid's filters. Quick Find is "begins with" on the name
 * or the email address, case-insensitive, written as `lower(column) LIKE lower($n) || '%'` so it can use
 * the migration's `lower(…) text_pattern_ops` prefix indexes; the user's % and _ match literally.
 */
export function mailboxWhere(environmentId: string, filter: MailboxFilter, params: SqlParams): string {
  const conditions = [`m."environmentId" = ${params.bind(environmentId, 'uuid')}`, ...VIEW_CONDITIONS[filter.view]];
  const search = searchText(filter);
  if (search !== null) {
    const prefix = `(lower(${params.bind(escapeLikePattern(search), 'text')}) || '%')`;
    conditions.push(`(lower(m."name") LIKE ${prefix} OR lower(m."emailAddress") LIKE ${prefix})`);
  }
  if (filter.serverProfileId === 'none') conditions.push('m."serverProfileId" IS NULL');
  else if (filter.serverProfileId !== undefined) conditions.push(`m."serverProfileId" = ${params.bind(filter.serverProfileId, 'uuid')}`);
  if (filter.type !== undefined) conditions.push(`m."type" = ${params.bind(filter.type, '"MailboxType"')}`);
  if (filter.emailAddressStatus !== undefined) {
    conditions.push(`m."emailAddressStatus" = ${params.bind(filter.emailAddressStatus, '"EmailAddressStatus"')}`);
  }
  for (const channel of ['incomingEmailStatus', 'outgoingEmailStatus', 'appointmentsContactsTasksStatus'] as const) {
    const status = filter[channel];
    if (status !== undefined) conditions.push(`m."${channel}" = ${params.bind(status, '"MailboxTestStatus"')}`);
  }
  if (filter.lastErrorCode !== undefined) conditions.push(`m."lastErrorCode" = ${params.bind(filter.lastErrorCode, 'text')}`);
  if (filter.ownerId !== undefined) conditions.push(`m."ownerId" = ${params.bind(filter.ownerId, 'uuid')}`);
  return conditions.join(' AND ');
}

/*
 * Name and email address sort case-insensitively, as Dynamics 365 does, and byte-wise (`USING ~<~`, the
 * ordering of text_pattern_ops): exactly the order of the prefix indexes, so a page sorted by either is an
 * index walk that stops after offset + limit rows, in every view. The other columns have no index to walk
 * and are a top-N sort of the filtered rows. Empty Test Completed dates come first ascending, last descending:
 * the key is the date or -infinity, never null, so a keyset bound is one range of its index.
 * The same key (with its type, to bind a cursor's value) pages the CSV export by keyset; each sort has an index
 * (environment, key, id) matching its ORDER BY (decision 56).
 */
interface SortKey {
  key: string;
  cast: string;
  isTextPattern?: boolean;
  /** A nullable column: the cursor keeps its own value (null for no date), which `key` reads as `nullAs`. */
  nullable?: { column: string; nullAs: string };
}

const SORT_KEYS: Record<MailboxSortField, SortKey> = {
  name: { key: 'lower(m."name")', cast: 'text', isTextPattern: true },
  emailAddress: { key: 'lower(m."emailAddress")', cast: 'text', isTextPattern: true },
  type: { key: 'm."type"', cast: '"MailboxType"' },
  emailAddressStatus: { key: 'm."emailAddressStatus"', cast: '"EmailAddressStatus"' },
  incomingEmailStatus: { key: 'm."incomingEmailStatus"', cast: '"MailboxTestStatus"' },
  outgoingEmailStatus: { key: 'm."outgoingEmailStatus"', cast: '"MailboxTestStatus"' },
  appointmentsContactsTasksStatus: { key: 'm."appointmentsContactsTasksStatus"', cast: '"MailboxTestStatus"' },
  testCompletedOn: { key: `COALESCE(m."testCompletedOn", '-infinity'::timestamp(3))`, cast: 'timestamp(3)', nullable: { column: 'm."testCompletedOn"', nullAs: `'-infinity'::timestamp(3)` } },
  createdAt: { key: 'm."createdAt"', cast: 'timestamp(3)' },
};

function sortTerm({ key, isTextPattern }: SortKey, order: 'asc' | 'desc'): string {
  if (isTextPattern) return `${key} USING ${order === 'asc' ? '~<~' : '~>~'}`;
  return `${key} ${order === 'asc' ? 'ASC' : 'DESC'}`;
}

/** The sort column, then the id: rows that tie keep one order, so paging neither repeats nor skips a row. */
export function mailboxOrderBy(page: Pick<MailboxPage, 'sort' | 'order'>): string {
  return `${sortTerm(SORT_KEYS[page.sort], page.order)}, m."id" ${page.order === 'asc' ? 'ASC' : 'DESC'}`;
}

/** The rows after the cursor in mailboxOrderBy's order. */
function afterCursor(page: Pick<MailboxPage, 'sort' | 'order'>, cursor: MailboxCursor, params: SqlParams): string {
  const { key, cast, isTextPattern, nullable } = SORT_KEYS[page.sort];
  const asc = page.order === 'asc';
  const id = `m."id" ${asc ? '>' : '<'} ${params.bind(cursor.id, 'uuid')}`;
  const value = cursor.sortKey === null && nullable ? nullable.nullAs : params.bind(cursor.sortKey, cast);
  const beyond = isTextPattern ? (asc ? '~>~' : '~<~') : (asc ? '>' : '<');
  const after = `(${key} ${beyond} ${value} OR (${key} = ${value} AND ${id}))`;
  // The same bound once more without the OR, which the planner cannot use: with it a batch starts its index
  // range scan at the cursor instead of walking (and discarding) every row before it.
  const from = isTextPattern ? (asc ? '~>=~' : '~<=~') : (asc ? '>=' : '<=');
  return `${key} ${from} ${value} AND ${after}`;
}

/** A statement and its positional parameters. */
export interface SqlQuery {
  sql: string;
  params: unknown[];
}

interface MailboxSelection {
  with: string;
  from: string;
  where: string;
}

/**
 * The rows of a filter: `${with} SELECT … FROM ${from} ${where}`. With a search the matches are gathered first
 * (MATERIALIZED: a bitmap scan of both prefix indexes) and sorted after; otherwise the planner may walk the
 * sort index hoping to meet matches early, and a common prefix deep in the order costs a walk of the whole index.
 */
function selectByFilter(environmentId: string, filter: MailboxFilter, params: SqlParams): MailboxSelection {
  const where = mailboxWhere(environmentId, filter, params);
  return searchText(filter) === null
    ? { with: '', from: '"Mailbox" m', where: `WHERE ${where}` }
    : { with: `WITH matches AS MATERIALIZED (SELECT m.* FROM "Mailbox" m WHERE ${where})`, from: 'matches m', where: '' };
}

const JOIN_OWNER_AND_PROFILE = `LEFT JOIN "User" u ON u."id" = m."ownerId"
  LEFT JOIN "ServerProfile" sp ON sp."id" = m."serverProfileId"`;

/**
 * A page of the grid and the total of its filter. The page is chosen on "Mailbox" alone from narrow rows
 * (the id and the sort key), then only its rows are joined to their owner and profile.
 */
export function buildMailboxListQuery(environmentId: string, filter: MailboxFilter, page: MailboxPage): { page: SqlQuery; count: SqlQuery } {
  const params = createSqlParams();
  const rows = selectByFilter(environmentId, filter, params);
  const orderBy = mailboxOrderBy(page);
  const sql = `${rows.with}
    SELECT ${selectList(MAILBOX_LIST_COLUMNS)}
    FROM (SELECT m."id" FROM ${rows.from} ${rows.where} ORDER BY ${orderBy}
          LIMIT ${params.bind(page.limit, 'int')} OFFSET ${params.bind(page.offset, 'int')}) page
    JOIN "Mailbox" m ON m."id" = page."id"
    ${JOIN_OWNER_AND_PROFILE}
    ORDER BY ${orderBy}`;
  const countParams = createSqlParams();
  const count = `SELECT count(*)::int AS "total" FROM "Mailbox" m WHERE ${mailboxWhere(environmentId, filter, countParams)}`;
  return { page: { sql, params: params.values }, count: { sql: count, params: countParams.values } };
}

/**
 * One batch of the CSV export: the next `limit` rows of the filter after the cursor, in the grid's order,
 * with each row's sort key so the next batch resumes after it. A keyset walk costs the same at row 90,000
 * as at row 0, where an offset would re-read every row before it.
 */
export function buildMailboxBatchQuery(
  environmentId: string, filter: MailboxFilter, page: Pick<MailboxPage, 'sort' | 'order' | 'limit'>, cursor: MailboxCursor | null,
): SqlQuery {
  const params = createSqlParams();
  const rows = selectByFilter(environmentId, filter, params);
  const orderBy = mailboxOrderBy(page);
  const resume = cursor ? afterCursor(page, cursor, params) : null;
  const where = resume ? (rows.where ? `${rows.where} AND ${resume}` : `WHERE ${resume}`) : rows.where;
  // One level, unlike a page of the grid: with no offset to skip there is nothing to choose on narrow rows first, and
  // joining a chosen page back to "Mailbox" made the planner hash-join the whole table once per batch.
  const sql = `${rows.with}
    SELECT ${selectList(MAILBOX_LIST_COLUMNS)}, ${SORT_KEYS[page.sort].nullable?.column ?? SORT_KEYS[page.sort].key} AS "sortKey"
    FROM ${rows.from} ${JOIN_OWNER_AND_PROFILE}
    ${where} ORDER BY ${orderBy} LIMIT ${params.bind(page.limit, 'int')}`;
  return { sql, params: params.values };
}

/**
 * The rows a bulk command decides on, in the grid's default order: the given ids of this environment (other
 * environments' and malformed ids are simply not found), or every mailbox matching the filter. Null when
 * there can be none.
 */
export function buildMailboxCommandQuery(environmentId: string, target: MailboxTarget): SqlQuery | null {
  const params = createSqlParams();
  let rows: MailboxSelection;
  if ('ids' in target) {
    const ids = [...new Set(target.ids)].filter(isUuid);
    if (ids.length === 0) return null;
    rows = {
      with: '',
      from: '"Mailbox" m',
      where: `WHERE m."environmentId" = ${params.bind(environmentId, 'uuid')} AND m."id" = ANY(${params.bind(ids, 'uuid[]')})`,
    };
  } else {
    rows = selectByFilter(environmentId, target.filter, params);
  }
  const sql = `${rows.with}
    SELECT ${selectList(MAILBOX_COMMAND_COLUMNS)}
    FROM ${rows.from} LEFT JOIN "ServerProfile" sp ON sp."id" = m."serverProfileId"
    ${rows.where}
    ORDER BY ${mailboxOrderBy({ sort: 'name', order: 'asc' })}`;
  return { sql, params: params.values };
}
