import { ACTIVE_RUN_ITEM_STATES, type Alert, type AlertFilter, type AlertGroup, type AlertRepository, type LabelledSentence } from '@sync-admin/domain';
import type { Prisma } from '../generated/prisma/client.ts';
import { createSqlParams, escapeLikePattern } from '../sql/sql-params.ts';

const alertInclude = {
  mailbox: { select: { name: true } },
  serverProfile: { select: { name: true } },
} satisfies Prisma.AlertInclude;

// Written only by createAlerts below, from the domain's own sentences.
const sentenceFromJson = (json: Prisma.JsonValue | null) => json as LabelledSentence | null;

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
    sentence: sentenceFromJson(row.sentence),
    toMailboxOwner: row.toMailboxOwner,
    createdAt: row.createdAt,
  };
}

/** The wall's filter, shared by the list and its groups. */
function alertWhere(environmentId: string, filter: AlertFilter): Prisma.AlertWhereInput {
  const search = filter.search?.trim();
  return {
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
}

const WALL_ORDER: Prisma.AlertOrderByWithRelationInput[] = [{ createdAt: 'desc' }, { id: 'desc' }];

/** The Alerts wall; `prisma` may be a transaction, so alerts are written with the change that raised them. */
export function createAlertRepository(prisma: Prisma.TransactionClient): AlertRepository {
  return {
    async listAlerts(environmentId, filter, page) {
      const where = alertWhere(environmentId, filter);
      const [rows, total] = await Promise.all([
        prisma.alert.findMany({
          where,
          include: alertInclude,
          orderBy: WALL_ORDER,
          skip: page.offset,
          take: page.limit,
        }),
        prisma.alert.count({ where }),
      ]);
      return { items: rows.map(toAlert), total };
    },

    async listAlertBatch(environmentId, filter, limit, after) {
      // After (createdAt, id) in the wall's descending order; `createdAt <= cursor` bounds the index's range.
      const where: Prisma.AlertWhereInput = after
        ? { AND: [alertWhere(environmentId, filter), { createdAt: { lte: after.createdAt } }, { OR: [{ createdAt: { lt: after.createdAt } }, { id: { lt: after.id } }] }] }
        : alertWhere(environmentId, filter);
      const rows = await prisma.alert.findMany({ where, include: alertInclude, orderBy: WALL_ORDER, take: limit });
      const last = rows.at(-1);
      return { items: rows.map(toAlert), next: rows.length === limit && last ? { createdAt: last.createdAt, id: last.id } : null };
    },

    async groupAlerts(environmentId, filter, page) {
      const where = alertWhere(environmentId, filter);
      const groups = await prisma.alert.groupBy({
        by: ['mailboxId', 'serverProfileId', 'code', 'severity'],
        where,
        _count: { _all: true },
        _max: { createdAt: true },
        orderBy: [{ _max: { createdAt: 'desc' } }],
      });
      const shown = groups.slice(page.offset, page.offset + page.limit);
      if (shown.length === 0) return { items: [], total: groups.length };
      // The latest alert of each group shown, with its names and the mailbox's state now.
      const latest = await prisma.alert.findMany({
        where: { AND: [where, { OR: shown.map((g) => ({ mailboxId: g.mailboxId, serverProfileId: g.serverProfileId, code: g.code, severity: g.severity, createdAt: g._max.createdAt! })) }] },
        include: {
          ...alertInclude,
          mailbox: {
            select: {
              name: true, incomingEmailStatus: true, outgoingEmailStatus: true, appointmentsContactsTasksStatus: true,
              runItems: { where: { state: { in: [...ACTIVE_RUN_ITEM_STATES] } }, select: { state: true, nextAttemptAt: true }, take: 1 },
            },
          },
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      const key = (g: { mailboxId: string | null; serverProfileId: string | null; code: string | null; severity: string }) => `${g.mailboxId}|${g.serverProfileId}|${g.code}|${g.severity}`;
      const latestByGroup = new Map<string, (typeof latest)[number]>();
      for (const row of latest) if (!latestByGroup.has(key(row))) latestByGroup.set(key(row), row);
      const items = shown.flatMap((g): AlertGroup[] => {
        const row = latestByGroup.get(key(g));
        if (!row) return [];
        const mailbox = row.mailbox;
        return [{
          mailboxId: g.mailboxId, mailboxName: mailbox?.name ?? null,
          serverProfileId: g.serverProfileId, serverProfileName: row.serverProfile?.name ?? null,
          severity: g.severity, code: g.code, count: g._count._all, latestMessage: row.message, latestSentence: sentenceFromJson(row.sentence), latestAt: row.createdAt,
          mailbox: mailbox && {
            incomingEmailStatus: mailbox.incomingEmailStatus, outgoingEmailStatus: mailbox.outgoingEmailStatus,
            appointmentsContactsTasksStatus: mailbox.appointmentsContactsTasksStatus,
            activeRunItem: mailbox.runItems[0] ?? null,
          },
        }];
      });
      return { items, total: groups.length };
    },

    async createAlerts(alerts) {
      if (alerts.length === 0) return;
      // One statement whatever the number (a bulk run raises thousands): nine array parameters, not nine per row.
      const params = createSqlParams();
      await prisma.$executeRawUnsafe(
        `INSERT INTO "Alert" ("id", "environmentId", "mailboxId", "serverProfileId", "severity", "code", "message", "sentence", "toMailboxOwner", "createdAt")
         SELECT gen_random_uuid(), a."environmentId", a."mailboxId", a."serverProfileId", a."severity"::"AlertSeverity", a."code", a."message", a."sentence"::jsonb,
           a."toMailboxOwner", a."createdAt"
         FROM unnest(${params.bind(alerts.map((a) => a.environmentId), 'uuid[]')}, ${params.bind(alerts.map((a) => a.mailboxId), 'uuid[]')},
           ${params.bind(alerts.map((a) => a.serverProfileId), 'uuid[]')}, ${params.bind(alerts.map((a) => a.severity), 'text[]')},
           ${params.bind(alerts.map((a) => a.code), 'text[]')}, ${params.bind(alerts.map((a) => a.message), 'text[]')},
           ${params.bind(alerts.map((a) => (a.sentence ? JSON.stringify(a.sentence) : null)), 'text[]')},
           ${params.bind(alerts.map((a) => a.toMailboxOwner), 'boolean[]')}, ${params.bind(alerts.map((a) => a.createdAt), 'timestamp(3)[]')})
           AS a("environmentId", "mailboxId", "serverProfileId", "severity", "code", "message", "sentence", "toMailboxOwner", "createdAt")`,
        ...params.values,
      );
    },
  };
}
