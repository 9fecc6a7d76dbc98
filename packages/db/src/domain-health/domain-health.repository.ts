import type { DomainCheckResult, DomainHealthRecord, DomainHealthRepository, EmailDomain, HealthVerdict, ServerType } from '@sync-admin/domain';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { createSqlParams } from '../sql/sql-params.ts';

interface StoredHealth {
  domain: string;
  checkedAt: Date;
  verdict: HealthVerdict;
  results: Prisma.JsonValue;
}

function toRecord(row: StoredHealth): DomainHealthRecord {
  return { domain: row.domain, checkedAt: row.checkedAt, verdict: row.verdict, results: row.results as unknown as DomainCheckResult[] };
}

/** Email domains come from the mailbox table in one grouped statement; their health records are kept per run. */
export function createDomainHealthRepository(prisma: PrismaClient): DomainHealthRepository {
  return {
    async findEmailDomains(environmentId, scope) {
      const params = createSqlParams();
      const environment = params.bind(environmentId, 'uuid');
      const owner = scope.ownerId ? `AND m."ownerId" = ${params.bind(scope.ownerId, 'uuid')}` : '';
      const rows = await prisma.$queryRawUnsafe<Array<{ domain: string; mailboxes: number; serverTypes: ServerType[] }>>(`
        SELECT lower(split_part(m."emailAddress", '@', 2)) AS "domain",
               count(*)::int AS "mailboxes",
               coalesce(array_agg(DISTINCT p."serverType"::text ORDER BY p."serverType"::text) FILTER (WHERE p."serverType" IS NOT NULL), '{}') AS "serverTypes"
          FROM "Mailbox" m
          LEFT JOIN "ServerProfile" p ON p."id" = m."serverProfileId"
         WHERE m."environmentId" = ${environment} ${owner}
           AND split_part(m."emailAddress", '@', 2) <> ''
         GROUP BY 1
         ORDER BY 1`, ...params.values);
      return rows.map((row): EmailDomain => ({ domain: row.domain, mailboxes: row.mailboxes, serverTypes: row.serverTypes }));
    },

    async findLatestHealth(environmentId, domains) {
      if (domains.length === 0) return [];
      const rows = await prisma.$queryRawUnsafe<StoredHealth[]>(`
        SELECT DISTINCT ON ("domain") "domain", "checkedAt", "verdict"::text AS "verdict", "results"
          FROM "EmailDomainHealth"
         WHERE "environmentId" = $1::uuid AND "domain" = ANY($2::text[])
         ORDER BY "domain", "checkedAt" DESC`, environmentId, [...domains]);
      return rows.map(toRecord);
    },

    async findHealthHistory(environmentId, domain, limit) {
      const rows = await prisma.emailDomainHealth.findMany({
        where: { environmentId, domain }, orderBy: { checkedAt: 'desc' }, take: limit,
        select: { domain: true, checkedAt: true, verdict: true, results: true },
      });
      return rows.map(toRecord);
    },

    async saveHealth(environmentId, records) {
      if (records.length === 0) return;
      await prisma.emailDomainHealth.createMany({
        data: records.map((record) => ({
          environmentId, domain: record.domain, checkedAt: record.checkedAt, verdict: record.verdict,
          results: record.results as unknown as Prisma.InputJsonValue,
        })),
      });
    },

    async findEnvironmentsWithMailboxes() {
      const rows = await prisma.mailbox.findMany({ distinct: ['environmentId'], select: { environmentId: true } });
      return rows.map((row) => row.environmentId);
    },
  };
}
