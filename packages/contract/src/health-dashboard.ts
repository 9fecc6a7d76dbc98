import { ALERT_SEVERITIES, EMAIL_ADDRESS_STATUSES, MAILBOX_STATUS_CHANNELS, MAILBOX_TEST_STATUSES } from '@sync-admin/domain';
import { z } from 'zod/mini';
import { text } from './primitives.ts';

export { HEALTH_DASHBOARD_DAYS, MAILBOX_STATUS_CHANNELS, type MailboxStatusChannel } from '@sync-admin/domain';

const count = () => z.number().check(z.int(), z.minimum(0));
const countsOf = <T extends string>(keys: readonly T[]) => z.object(Object.fromEntries(keys.map((key) => [key, count()])) as Record<T, ReturnType<typeof count>>);
const statusCountsSchema = countsOf(MAILBOX_TEST_STATUSES);

export const profileHealthSchema = z.object({
  serverProfileId: text(),
  name: text(),
  mailboxes: count(),
  retrying: count(),
  held: count(),
  lastRun: z.nullable(z.object({
    runId: text(), number: z.number().check(z.int()), startAt: text(), finishedAt: z.nullable(text()),
    succeeded: count(), failed: count(),
    /** 0–1; null while none of the profile's items in that job has finished. */
    successRate: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  })),
});
export type ProfileHealthResponse = z.infer<typeof profileHealthSchema>;

/** The Email health page's figures, over the mailboxes the signed-in user can read; days are UTC, oldest first. */
export const healthDashboardResponseSchema = z.object({
  mailboxes: count(),
  statusCounts: z.object(Object.fromEntries(MAILBOX_STATUS_CHANNELS.map((channel) => [channel, statusCountsSchema])) as Record<(typeof MAILBOX_STATUS_CHANNELS)[number], typeof statusCountsSchema>),
  emailAddressStatusCounts: countsOf(EMAIL_ADDRESS_STATUSES),
  testOutcomes: z.array(z.object({ day: text(), succeeded: count(), failed: count() })),
  failuresByErrorCode: z.array(z.object({ code: text(), mailboxes: count() })),
  profiles: z.array(profileHealthSchema),
  alerts: z.array(z.object({ day: text(), counts: countsOf(ALERT_SEVERITIES) })),
});
export type HealthDashboardResponse = z.infer<typeof healthDashboardResponseSchema>;
