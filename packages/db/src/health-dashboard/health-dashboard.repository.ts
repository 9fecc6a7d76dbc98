import {
  ALERT_SEVERITIES,
  EMAIL_ADDRESS_STATUSES,
  MAILBOX_STATUS_CHANNELS,
  MAILBOX_TEST_STATUSES,
  type AlertDay,
  type EmailAddressStatus,
  type HealthDashboardRepository,
  type HealthFigures,
  type MailboxStatusChannel,
  type MailboxTestStatus,
  type StatusCounts,
} from '@sync-admin/domain';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createSqlParams } from '../sql/sql-params.ts';

/** The active mailboxes with one combination of the four statuses the page counts. */
type StatusCombination = Record<MailboxStatusChannel, MailboxTestStatus> & { emailAddressStatus: EmailAddressStatus; mailboxes: number };

const STATUS_COLUMNS = [...MAILBOX_STATUS_CHANNELS, 'emailAddressStatus'].map((column) => `m."${column}"`).join(', ');

/** Each status's count is the sum over the combinations that have it. */
function countStatus(combinations: StatusCombination[], column: keyof StatusCombination, value: string): number {
  return combinations.reduce((sum, row) => sum + (row[column] === value ? row.mailboxes : 0), 0);
}

const ALERT_COUNTS = ALERT_SEVERITIES.map((severity) => `count(*) FILTER (WHERE a."severity" = '${severity}')::int AS "${severity}"`).join(', ');

interface StatementParts {
  environment: () => string;
  since: () => string;
  mailboxOwner: () => string;
  ownedMailbox: (alias: string) => string;
  ownedOnly: (condition: string) => string;
}

interface OutcomeDay {
  day: string;
  succeeded: number;
  failed: number;
}

interface ProfileRow {
  serverProfileId: string;
  name: string;
  mailboxes: number;
  retrying: number;
  held: number;
  runId: string | null;
  number: number | null;
  startAt: Date | null;
  finishedAt: Date | null;
  succeeded: number | null;
  failed: number | null;
}

/**
 * The Email health figures, each one grouped statement (FILTER aggregates, GROUP BY day) over the mailbox table,
 * the run items and the alerts; at User depth every statement joins the mailbox to keep only the owner's.
 */
export function createHealthDashboardRepository(prisma: PrismaClient): HealthDashboardRepository {
  return {
    async countHealthFigures(environmentId, scope) {
      /*
       * Each statement binds only the parameters it uses (PostgreSQL cannot type a parameter a statement never
       * mentions), each once: the placeholders are made on first use.
       */
      function query<T>(build: (sql: StatementParts) => string) {
        const params = createSqlParams();
        const once = (make: () => string) => { let placeholder: string | undefined; return () => (placeholder ??= make()); };
        const environment = once(() => params.bind(environmentId, 'uuid'));
        const owner = once(() => params.bind(scope.ownerId, 'uuid'));
        const parts: StatementParts = {
          environment,
          since: once(() => params.bind(scope.since, 'timestamp(3)')),
          mailboxOwner: () => (scope.ownerId ? `AND m."ownerId" = ${owner()}` : ''),
          // Run items and alerts count only when their mailbox is the owner's (an alert without a mailbox is nobody's).
          ownedMailbox: (alias) => (scope.ownerId ? `JOIN "Mailbox" m ON m."id" = ${alias}."mailboxId" AND m."ownerId" = ${owner()}` : ''),
          ownedOnly: (condition) => (scope.ownerId ? `AND ${condition}` : ''),
        };
        const sql = build(parts);
        return prisma.$queryRawUnsafe<T[]>(sql, ...params.values);
      }

      const [combinations, failures, outcomes, alerts, profiles] = await Promise.all([
        // Grouped by the four statuses together (at most 108 combinations, in the order of the mailbox status index,
        // read alone): cheaper than 13 filtered counts over every mailbox (decision 57).
        query<StatusCombination>(({ environment, mailboxOwner }) => `
          SELECT ${STATUS_COLUMNS}, count(*)::int AS "mailboxes"
            FROM "Mailbox" m
           WHERE m."environmentId" = ${environment()} AND m."isActive" ${mailboxOwner()}
           GROUP BY ${STATUS_COLUMNS}`),
        query<{ code: string; mailboxes: number }>(({ environment, mailboxOwner }) => `
          SELECT m."lastErrorCode" AS "code", count(*)::int AS "mailboxes"
            FROM "Mailbox" m
           WHERE m."environmentId" = ${environment()} AND m."isActive" AND m."lastErrorCode" IS NOT NULL ${mailboxOwner()}
           GROUP BY 1 ORDER BY 2 DESC, 1`),
        // The environment's outcomes per day are kept by triggers (TestOutcomeDay, decision 57): a few rows per day
        // to add up. The counters know no owners, so User depth counts the reader's own items, few by nature.
        scope.ownerId ? query<OutcomeDay>(({ environment, since, ownedMailbox }) => `
          SELECT to_char("day", 'YYYY-MM-DD') AS "day", "succeeded", "failed" FROM (
            -- Grouped on the date, formatted once per day rather than once per item.
            SELECT i."finishedAt"::date AS "day",
                   count(*) FILTER (WHERE i."state" = 'succeeded')::int AS "succeeded",
                   count(*) FILTER (WHERE i."state" = 'failed')::int AS "failed"
              FROM "TestAndEnableRunItem" i
              JOIN "TestAndEnableRun" r ON r."id" = i."runId" ${ownedMailbox('i')}
             WHERE r."environmentId" = ${environment()} AND i."finishedAt" >= ${since()} AND i."state" IN ('succeeded', 'failed')
             GROUP BY 1
          ) AS days`) : query<OutcomeDay>(({ environment, since }) => `
          SELECT to_char(c."day", 'YYYY-MM-DD') AS "day",
                 coalesce(sum(c."items") FILTER (WHERE c."outcome" = 'succeeded'), 0)::int AS "succeeded",
                 coalesce(sum(c."items") FILTER (WHERE c."outcome" = 'failed'), 0)::int AS "failed"
            FROM "TestOutcomeDay" c
           WHERE c."environmentId" = ${environment()} AND c."day" >= ${since()}
           GROUP BY c."day"`),
        // Grouped on the date and formatted once per day, as the outcomes were; the alert index holds every column read.
        query<Record<string, number> & { day: string }>(({ environment, since, ownedMailbox }) => `
          SELECT to_char("day", 'YYYY-MM-DD') AS "day", ${ALERT_SEVERITIES.map((severity) => `"${severity}"`).join(', ')} FROM (
            SELECT a."createdAt"::date AS "day", ${ALERT_COUNTS}
              FROM "Alert" a ${ownedMailbox('a')}
             WHERE a."environmentId" = ${environment()} AND a."createdAt" >= ${since()}
             GROUP BY 1
          ) AS days`),
        // The last job per profile is the newest job of the environment with an item of that profile (an index
        // probe per profile, newest first); only its items of that profile are counted.
        query<ProfileRow>(({ environment, mailboxOwner, ownedMailbox, ownedOnly }) => `
          WITH mailbox_counts AS (
            SELECT m."serverProfileId" AS "id", count(*)::int AS "mailboxes"
              FROM "Mailbox" m
             WHERE m."environmentId" = ${environment()} AND m."isActive" AND m."serverProfileId" IS NOT NULL ${mailboxOwner()}
             GROUP BY 1
          ), waiting AS (
            SELECT i."serverProfileId" AS "id",
                   count(*) FILTER (WHERE i."state" = 'retrying')::int AS "retrying",
                   count(*) FILTER (WHERE i."state" = 'held')::int AS "held"
              FROM "TestAndEnableRunItem" i
              JOIN "ServerProfile" p ON p."id" = i."serverProfileId" AND p."environmentId" = ${environment()} ${ownedMailbox('i')}
             WHERE i."state" IN ('retrying', 'held')
             GROUP BY 1
          )
          SELECT p."id" AS "serverProfileId", p."name", coalesce(mc."mailboxes", 0) AS "mailboxes",
                 coalesce(w."retrying", 0) AS "retrying", coalesce(w."held", 0) AS "held",
                 last_run."id" AS "runId", last_run."number", last_run."startAt", last_run."finishedAt", tally."succeeded", tally."failed"
            FROM "ServerProfile" p
            LEFT JOIN mailbox_counts mc ON mc."id" = p."id"
            LEFT JOIN waiting w ON w."id" = p."id"
            LEFT JOIN LATERAL (
              SELECT r."id", r."number", r."startAt", r."finishedAt"
                FROM "TestAndEnableRun" r
               WHERE r."environmentId" = ${environment()}
                 AND EXISTS (SELECT 1 FROM "TestAndEnableRunItem" i ${ownedMailbox('i')} WHERE i."runId" = r."id" AND i."serverProfileId" = p."id")
               ORDER BY r."createdAt" DESC
               LIMIT 1
            ) last_run ON true
            LEFT JOIN LATERAL (
              SELECT count(*) FILTER (WHERE i."state" = 'succeeded')::int AS "succeeded",
                     count(*) FILTER (WHERE i."state" = 'failed')::int AS "failed"
                FROM "TestAndEnableRunItem" i ${ownedMailbox('i')}
               WHERE i."runId" = last_run."id" AND i."serverProfileId" = p."id"
            ) tally ON last_run."id" IS NOT NULL
           WHERE p."environmentId" = ${environment()} ${ownedOnly('(mc."id" IS NOT NULL OR last_run."id" IS NOT NULL)')}
           ORDER BY p."name"`),
      ]);

      const statusCounts = Object.fromEntries(MAILBOX_STATUS_CHANNELS.map((channel) => [
        channel, Object.fromEntries(MAILBOX_TEST_STATUSES.map((status) => [status, countStatus(combinations, channel, status)])) as StatusCounts,
      ])) as HealthFigures['statusCounts'];
      return {
        mailboxes: combinations.reduce((sum, row) => sum + row.mailboxes, 0),
        statusCounts,
        emailAddressStatusCounts: Object.fromEntries(EMAIL_ADDRESS_STATUSES.map((status) => [status, countStatus(combinations, 'emailAddressStatus', status)])) as HealthFigures['emailAddressStatusCounts'],
        testOutcomes: outcomes,
        failuresByErrorCode: failures,
        alerts: alerts.map((row): AlertDay => ({ day: row.day, counts: Object.fromEntries(ALERT_SEVERITIES.map((severity) => [severity, row[severity]])) as AlertDay['counts'] })),
        profiles: profiles.map((row) => ({
          serverProfileId: row.serverProfileId, name: row.name, mailboxes: row.mailboxes, retrying: row.retrying, held: row.held,
          lastRun: row.runId === null ? null : {
            runId: row.runId, number: row.number!, startAt: row.startAt!, finishedAt: row.finishedAt, succeeded: row.succeeded ?? 0, failed: row.failed ?? 0,
          },
        })),
      };
    },
  };
}
