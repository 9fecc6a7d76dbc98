import { RUN_ITEM_STATES, RUN_STATES, type RunItemState, type RunState } from '@sync-admin/contract';

/** Unknown or malformed parameters fall back to the defaults rather than reaching the API as a 400. */
export const parsePage = (value: string | null): number => {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
};

export const parseRunState = (value: string | null): RunState | undefined => RUN_STATES.find((state) => state === value);

export const parseRunItemState = (value: string | null): RunItemState | undefined => RUN_ITEM_STATES.find((state) => state === value);

/** The query string of a filter and page; page 1 and "all" are left out so the plain page has a plain URL. */
export function jobsSearch(query: { state?: string; page?: number }): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.state) params.state = query.state;
  if (query.page && query.page > 1) params.page = String(query.page);
  return params;
}
