import {
  EMAIL_ADDRESS_STATUSES,
  MAILBOX_SORT_FIELDS,
  MAILBOX_TEST_STATUSES,
  MAILBOX_TYPES,
  MAILBOX_VIEWS,
  type MailboxFilterWire,
  type MailboxSortField,
} from '@sync-admin/contract';

/** What the grid shows: a view, its filters and the sort. Lives in the URL so Back, Refresh and links keep it. */
export interface MailboxGridQuery extends MailboxFilterWire {
  sort: MailboxSortField;
  order: 'asc' | 'desc';
}

export const DEFAULT_GRID_QUERY: MailboxGridQuery = { view: 'active', sort: 'name', order: 'asc' };

/** Rows per request: the grid asks for the pages its visible rows fall in, never for the whole view. */
export const MAILBOX_PAGE_SIZE = 100;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

/** The filters that take one value of a fixed list, each checked against its list. */
const CHOICE_FILTERS = {
  type: MAILBOX_TYPES,
  emailAddressStatus: EMAIL_ADDRESS_STATUSES,
  incomingEmailStatus: MAILBOX_TEST_STATUSES,
  outgoingEmailStatus: MAILBOX_TEST_STATUSES,
  appointmentsContactsTasksStatus: MAILBOX_TEST_STATUSES,
} as const satisfies Partial<Record<keyof MailboxFilterWire, readonly string[]>>;
type ChoiceFilter = keyof typeof CHOICE_FILTERS;
const CHOICE_FILTER_NAMES = Object.keys(CHOICE_FILTERS) as ChoiceFilter[];

/** The contract's own pattern for an error code: letters, digits and _ . : - */
const ERROR_CODE = /^[A-Za-z0-9_.:-]{1,100}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Unknown or malformed parameters fall back to the defaults rather than reaching the API as a 400. */
export function parseGridQuery(params: URLSearchParams): MailboxGridQuery {
  const search = params.get('search')?.trim().slice(0, 200);
  const serverProfileId = params.get('serverProfileId');
  const query: MailboxGridQuery = {
    view: oneOf(MAILBOX_VIEWS, params.get('view')) ?? DEFAULT_GRID_QUERY.view,
    sort: oneOf(MAILBOX_SORT_FIELDS, params.get('sort')) ?? DEFAULT_GRID_QUERY.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
  if (search) query.search = search;
  if (serverProfileId && (serverProfileId === 'none' || UUID.test(serverProfileId))) query.serverProfileId = serverProfileId;
  for (const name of CHOICE_FILTER_NAMES) {
    const value = oneOf<string>(CHOICE_FILTERS[name], params.get(name));
    if (value) Object.assign(query, { [name]: value });
  }
  const lastErrorCode = params.get('lastErrorCode');
  if (lastErrorCode && ERROR_CODE.test(lastErrorCode)) query.lastErrorCode = lastErrorCode;
  return query;
}

/** The query string of a grid query; defaults are left out so the plain page has a plain URL. */
export function gridQueryToParams(query: MailboxGridQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.view !== DEFAULT_GRID_QUERY.view) params.set('view', query.view);
  if (query.search) params.set('search', query.search);
  if (query.serverProfileId) params.set('serverProfileId', query.serverProfileId);
  for (const name of CHOICE_FILTER_NAMES) {
    const value = query[name];
    if (value) params.set(name, value);
  }
  if (query.lastErrorCode) params.set('lastErrorCode', query.lastErrorCode);
  if (query.sort !== DEFAULT_GRID_QUERY.sort) params.set('sort', query.sort);
  if (query.order !== DEFAULT_GRID_QUERY.order) params.set('order', query.order);
  return params;
}

/** The filter part alone: what "all that match" sends as a bulk command's target. */
export function filterOf(query: MailboxGridQuery): MailboxFilterWire {
  const { sort: _sort, order: _order, ...filter } = query;
  return filter;
}

export const hasFilters = (query: MailboxGridQuery) =>
  Boolean(query.search || query.serverProfileId || query.lastErrorCode || CHOICE_FILTER_NAMES.some((name) => query[name]));
