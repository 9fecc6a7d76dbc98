import type { MailboxFilter, MailboxPage, MailboxSortField, MailboxTarget, MailboxView } from '@sync-admin/domain';
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
 * and are a top-N sort of the filtered rows. Empty Test Completed dates come first ascending, last descending.
 */
const SORT_EXPRESSIONS: Record<MailboxSortField, { asc: string; desc: string }> = {
  name: { asc: 'lower(m."name") USING ~<~', desc: 'lower(m."name") USING ~>~' },
  emailAddress: { asc: 'lower(m."emailAddress") USING ~<~', desc: 'lower(m."emailAddress") USING ~>~' },
  type: plain('type'),
  emailAddressStatus: plain('emailAddressStatus'),
  incomingEmailStatus: plain('incomingEmailStatus'),
  outgoingEmailStatus: plain('outgoingEmailStatus'),
  appointmentsContactsTasksStatus: plain('appointmentsContactsTasksStatus'),
  testCompletedOn: { asc: 'm."testCompletedOn" ASC NULLS FIRST', desc: 'm."testCompletedOn" DESC NULLS LAST' },
  createdAt: plain('createdAt'),
};

function plain(column: string) {
  return { asc: `m."${column}" ASC`, desc: `m."${column}" DESC` };
}

/** The sort column, then the id: rows that tie keep one order, so paging neither repeats nor skips a row. */
export function mailboxOrderBy(page: Pick<MailboxPage, 'sort' | 'order'>): string {
  return `${SORT_EXPRESSIONS[page.sort][page.order]}, m."id" ${page.order === 'asc' ? 'ASC' : 'DESC'}`;
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
