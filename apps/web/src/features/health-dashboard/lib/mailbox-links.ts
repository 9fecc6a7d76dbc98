import type { MailboxFilterWire } from '@sync-admin/contract';
import { paths } from '../../../config/paths.ts';
import { gridQueryToParams, DEFAULT_GRID_QUERY } from '../../mailboxes/lib/grid-query.ts';

/** The Mailboxes grid showing what a chart's bar or a table's row counted (active mailboxes, the grid's default view). */
export function mailboxesHref(environmentId: string, filter: Partial<MailboxFilterWire>): string {
  return paths.mailboxes.getHref(environmentId, gridQueryToParams({ ...DEFAULT_GRID_QUERY, ...filter }).toString());
}
