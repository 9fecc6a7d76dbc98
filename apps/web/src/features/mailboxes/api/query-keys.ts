import type { MailboxTargetWire } from '@sync-admin/contract';
import type { MailboxGridQuery } from '../lib/grid-query.ts';

/** One prefix per environment, so a bulk command can refresh every page, detail and approval at once. */
export const mailboxKeys = {
  all: (environmentId: string) => ['environments', environmentId, 'mailboxes'] as const,
  lists: (environmentId: string) => [...mailboxKeys.all(environmentId), 'list'] as const,
  page: (environmentId: string, query: MailboxGridQuery, pageIndex: number) =>
    [...mailboxKeys.lists(environmentId), query, pageIndex] as const,
  detail: (environmentId: string, mailboxId: string) => [...mailboxKeys.all(environmentId), 'detail', mailboxId] as const,
  approveEmailAvailability: (environmentId: string, target: MailboxTargetWire) => [...mailboxKeys.all(environmentId), 'approveEmailAvailability', target] as const,
};

