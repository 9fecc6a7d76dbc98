import { apiPaths, type MailboxListResponse } from '@sync-admin/contract';
import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { MAILBOX_PAGE_SIZE, gridQueryToParams, type MailboxGridQuery } from '../lib/grid-query.ts';
import { mailboxKeys } from './query-keys.ts';

/** One page of the view: the grid asks only for the pages its visible rows fall in. */
export function getMailboxPage(environmentId: string, query: MailboxGridQuery, pageIndex: number) {
  const params = gridQueryToParams(query);
  // The API has its own defaults, but the page is only right if it sorts as the grid says it does.
  params.set('sort', query.sort);
  params.set('order', query.order);
  params.set('offset', String(pageIndex * MAILBOX_PAGE_SIZE));
  params.set('limit', String(MAILBOX_PAGE_SIZE));
  return api.get<MailboxListResponse>(`${apiPaths.mailboxes(environmentId)}?${params.toString()}`);
}

export const getMailboxPageQueryOptions = (environmentId: string, query: MailboxGridQuery, pageIndex: number) =>
  queryOptions({
    queryKey: mailboxKeys.page(environmentId, query, pageIndex),
    queryFn: () => getMailboxPage(environmentId, query, pageIndex),
    staleTime: 30_000,
  });

/**
 * The pages of a view the grid needs right now. The first page carries the total and keeps showing the
 * previous view's rows while a new filter loads, so the grid never blanks out between two queries.
 */
export function useMailboxPages(environmentId: string, query: MailboxGridQuery, pageIndexes: readonly number[]) {
  const first = useQuery({ ...getMailboxPageQueryOptions(environmentId, query, 0), placeholderData: keepPreviousData });
  const others = useQueries({
    queries: pageIndexes.filter((index) => index > 0).map((index) => getMailboxPageQueryOptions(environmentId, query, index)),
  });
  const pages = new Map<number, NonNullable<typeof first.data>['items']>();
  if (first.data) pages.set(0, first.data.items);
  pageIndexes
    .filter((index) => index > 0)
    .forEach((index, i) => {
      const data = others[i]?.data;
      if (data) pages.set(index, data.items);
    });
  return {
    first,
    pages,
    total: first.data?.total,
    /** True while the rows on screen belong to the previous filter. */
    isShowingPrevious: first.isPlaceholderData,
    isFetching: first.isFetching || others.some((page) => page.isFetching),
    pageError: others.find((page) => page.isError)?.error ?? null,
  };
}
