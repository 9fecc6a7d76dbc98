import type { Alert, AlertRepository } from '@sync-admin/domain';
import type { Prisma } from '../generated/prisma/client.ts';
import { createSqlParams, escapeLikePattern } from '../sql/sql-params.ts';

const alertInclude = {
  mailbox: { select: { name: true } },
  serverProfile: { select: { name: true } },
} satisfies Prisma.AlertInclude;

function toAlert(row: Prisma.AlertGetPayload<{ include: typeof alertInclude }>): Alert {
  return {
    id: row.id,
    environmentId: row.environmentId,
    mailboxId: row.mailboxId,
    mailboxName: row.mailbox?.name ?? null,
    serverProfileId: row.serverProfileId,
    serverProfileName: row.serverProfile?.name ?? null,
    severity: row.severity,
    code: row.code,
    message: row.message,
    toMailboxOwner: row.toMailboxOwner,
    createdAt: row.createdAt,
  };
}

/** The Alerts wall; `prisma` may be a transaction, so alerts are written with the change that raised them. */
export function createAlertRepository(prisma: Prisma.TransactionClient): AlertRepository {
  return {
    async listAlerts(environmentId, filter, page) {
      const search = filter.search?.trim();
      const where: Prisma.AlertWhereInput = {
        environmentId,
        mailboxId: filter.mailboxId,
        serverProfileId: filter.serverProfileId,
        severity: filter.severity,
        ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
        ...(filter.recipientId
          ? { OR: [{ serverProfile: { is: { ownerId: filter.recipientId } } }, { toMailboxOwner: true, mailbox: { is: { ownerId: filter.recipientId } } }] }
          : {}),
        ...(filter.mailboxOwnerId ? { mailbox: { is: { ownerId: filter.mailboxOwnerId } } } : {}),
        // Prisma passes `contains` to ILIKE as it is: the user's % and _ are escaped here to match literally.
        ...(search ? { message: { contains: escapeLikePattern(search), mode: 'insensitive' as const } } : {}),
      };
      const [rows, total] = await Promise.all([
        prisma.alert.findMany({
          where,
          include: alertInclude,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: page.offset,
          take: page.limit,
        }),
        prisma.alert.count({ where }),
      ]);
      return { items: rows.map(toAlert), total };
    },

    async createAlerts(alerts) {
      if (alerts.length === 0) return;
      // One statement whatever the number (a bulk run raises thousands): eight array parameters, not eight per row.
      const params = createSqlParams();
      await prisma.$executeRawUnsafe(
        `INSERT INTO "Alert" ("id", "environmentId", "mailboxId", "serverProfileId", "severity", "code", "message", "toMailboxOwner", "createdAt")
         SELECT gen_random_uuid(), a."environmentId", a."mailboxId", a."serverProfileId", a."severity"::"AlertSeverity", a."code", a."message", a."toMailboxOwner", a."createdAt"
         FROM unnest(${params.bind(alerts.map((a) => a.environmentId), 'uuid[]')}, ${params.bind(alerts.map((a) => a.mailboxId), 'uuid[]')},
           ${params.bind(alerts.map((a) => a.serverProfileId), 'uuid[]')}, ${params.bind(alerts.map((a) => a.severity), 'text[]')},
           ${params.bind(alerts.map((a) => a.code), 'text[]')}, ${params.bind(alerts.map((a) => a.message), 'text[]')},
           ${params.bind(alerts.map((a) => a.toMailboxOwner), 'boolean[]')}, ${params.bind(alerts.map((a) => a.createdAt), 'timestamp(3)[]')})
           AS a("environmentId", "mailboxId", "serverProfileId", "severity", "code", "message", "toMailboxOwner", "createdAt")`,
        ...params.values,
      );
    },
  };
}
