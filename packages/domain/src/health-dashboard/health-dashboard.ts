import type { AlertSeverity } from '../alerts/alert.ts';
import type { EmailAddressStatus, MailboxTestStatus } from '../mailboxes/mailbox.ts';

/** Days the over-time charts cover, today (UTC) included. */
export const HEALTH_DASHBOARD_DAYS = 30;

/** The three synchronization channels whose test status a mailbox carries, as the Mailboxes grid names its columns. */
export const MAILBOX_STATUS_CHANNELS = ['incomingEmailStatus', 'outgoingEmailStatus', 'appointmentsContactsTasksStatus'] as const;
export type MailboxStatusChannel = (typeof MAILBOX_STATUS_CHANNELS)[number];

export type StatusCounts = Record<MailboxTestStatus, number>;

/** Finished Test & Enable run items of one UTC day. */
export interface TestOutcomeDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  succeeded: number;
  failed: number;
}

export interface AlertDay {
  day: string;
  counts: Record<AlertSeverity, number>;
}

export interface ProfileHealth {
  serverProfileId: string;
  name: string;
  mailboxes: number;
  /** Mailboxes of the profile whose Test & Enable item is waiting to retry, or held by an outage. */
  retrying: number;
  held: number;
  /** The latest job that tested mailboxes of this profile; null when none has. */
  lastRun: {
    runId: string;
    number: number;
    startAt: Date;
    finishedAt: Date | null;
    succeeded: number;
    failed: number;
    /** Succeeded ÷ finished (succeeded + failed) of the profile's items in that job, 0–1; null while none has finished. */
    successRate: number | null;
  } | null;
}

/** The figures of the Email health page, each counted over the mailboxes the reader can read. */
export interface HealthDashboard {
  /** Active mailboxes. */
  mailboxes: number;
  statusCounts: Record<MailboxStatusChannel, StatusCounts>;
  emailAddressStatusCounts: Record<EmailAddressStatus, number>;
  testOutcomes: TestOutcomeDay[];
  /** Active mailboxes whose last test failed, by the error code it failed with, most first. */
  failuresByErrorCode: Array<{ code: string; mailboxes: number }>;
  profiles: ProfileHealth[];
  alerts: AlertDay[];
}

/** What the repository counts; the dashboard fills in the days nothing happened and works out the rates. */
export interface HealthFigures {
  mailboxes: number;
  statusCounts: Record<MailboxStatusChannel, StatusCounts>;
  emailAddressStatusCounts: Record<EmailAddressStatus, number>;
  testOutcomes: TestOutcomeDay[];
  failuresByErrorCode: Array<{ code: string; mailboxes: number }>;
  profiles: Array<Omit<ProfileHealth, 'lastRun'> & { lastRun: Omit<NonNullable<ProfileHealth['lastRun']>, 'successRate'> | null }>;
  alerts: AlertDay[];
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** The UTC days of the window ending today, oldest first. */
export function dashboardDays(now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: HEALTH_DASHBOARD_DAYS }, (_, index) => dayOf(new Date(today - (HEALTH_DASHBOARD_DAYS - 1 - index) * 86_400_000)));
}

export function successRate(run: { succeeded: number; failed: number }): number | null {
  const finished = run.succeeded + run.failed;
  return finished === 0 ? null : run.succeeded / finished;
}

/** One entry per day of the window, so a chart's axis has no gaps and a quiet day reads as zero. */
export function everyDay<T extends { day: string }>(days: readonly string[], rows: readonly T[], empty: (day: string) => T): T[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return days.map((day) => byDay.get(day) ?? empty(day));
}
