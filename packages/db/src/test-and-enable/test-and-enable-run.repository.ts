import {
  ACTIVE_RUN_ITEM_STATES,
  EXCHANGE_CHANNEL_FIELDS,
  EXCHANGE_CHANNELS,
  emptyRunItemCounts,
  type ClaimedRunItem,
  type ConnectionLimitSettings,
  type ExchangeChannel,
  type OutageFamily,
  type RunItem,
  type RunItemChannels,
  type RunItemState,
  type TestAndEnableRun,
  type TestAndEnableRunRepository,
} from '@sync-admin/domain';
import type { Prisma, ServerProfile as ServerProfileRow } from '../generated/prisma/client.ts';
import type { SecretCipher } from '../secret-cipher.ts';
import { toSettings } from '../server-profiles/server-profile.mapper.ts';
import { createSqlParams, isUuid } from '../sql/sql-params.ts';
import { traceToJson } from './connectivity-trace.json.ts';

type Client = Prisma.TransactionClient;

const ACTIVE = ACTIVE_RUN_ITEM_STATES.map((state) => `'${state}'`).join(', ');

/** A profile row as `to_jsonb` spells it: timestamps come back as strings. */
function profileFromJson(json: Record<string, unknown>): ServerProfileRow {
  const date = (value: unknown) => (typeof value === 'string' ? new Date(value) : null);
  return {
    ...(json as unknown as ServerProfileRow),
    processEmailsReceivedAfter: date(json.processEmailsReceivedAfter),
    lastTestStartedAt: date(json.lastTestStartedAt),
    testAndEnableHeldAt: date(json.testAndEnableHeldAt),
    createdAt: date(json.createdAt)!,
    updatedAt: date(json.updatedAt)!,
  };
}

interface ClaimRow {
  itemId: string; runId: string; attempts: number; pendingChannels: ExchangeChannel[]; before: RunItemState;
  runNumber: number; startedById: string;
  environmentId: string; environmentName: string; customerEngagement: 'online' | 'onPremises'; defaultServerProfileId: string | null;
  mailboxId: string; mailboxName: string; mailboxType: 'user' | 'queue'; emailAddress: string; mailboxOwnerId: string; mailboxOwnerName: string;
  emailAddressStatus: ClaimedRunItem['mailbox']['emailAddressStatus'];
  incomingEmailDeliveryMethod: ClaimedRunItem['mailbox']['incomingEmailDeliveryMethod'];
  outgoingEmailDeliveryMethod: ClaimedRunItem['mailbox']['outgoingEmailDeliveryMethod'];
  appointmentsContactsTasksDeliveryMethod: ClaimedRunItem['mailbox']['appointmentsContactsTasksDeliveryMethod'];
  allowCredentialsForEmailProcessing: boolean; mailboxUserName: string | null; mailboxPasswordEncrypted: string | null; discoveredEwsUrl: string | null;
  profileOwnerEmail: string; profile: Record<string, unknown>;
}

interface RunRow {
  id: string;
  number: number;
  environmentId: string;
  scopeKind: TestAndEnableRun['scope']['kind'];
  scopeDescription: string;
  scopeServerProfileId: string | null;
  state: TestAndEnableRun['state'];
  startedById: string;
  startedByName: string;
  createdAt: Date;
  startAt: Date;
  cancelledAt: Date | null;
  cancelledByName: string | null;
  finishedAt: Date | null;
  total: number;
}

/**
 * Runs, items and the test state they leave on mailboxes and profiles. `prisma` is the root client for reads
 * or a transaction's client inside a unit of work; every write here is one guarded statement, so what it
 * changed is exactly what its WHERE allowed when it ran.
 */
export function createTestAndEnableRunRepository(prisma: Client, cipher: SecretCipher): TestAndEnableRunRepository {
  /** Counts per state and the ending rate of the last minute, for a page of runs in one query. */
  async function withCounts(rows: RunRow[]): Promise<TestAndEnableRun[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const counts = await prisma.$queryRawUnsafe<{ runId: string; state: RunItemState; count: number; recent: number }[]>(
      `SELECT "runId", "state", count(*)::int AS "count",
              count(*) FILTER (WHERE "finishedAt" > now() - interval '60 seconds')::int AS "recent"
       FROM "TestAndEnableRunItem" WHERE "runId" = ANY($1::uuid[]) GROUP BY "runId", "state"`,
      ids,
    );
    return rows.map((row) => {
      const mine = counts.filter((c) => c.runId === row.id);
      const perState = emptyRunItemCounts();
      for (const c of mine) perState[c.state] = c.count;
      return {
        id: row.id, number: row.number, environmentId: row.environmentId,
        scope: { kind: row.scopeKind, description: row.scopeDescription, serverProfileId: row.scopeServerProfileId },
        state: row.state, startedById: row.startedById, startedByName: row.startedByName, createdAt: row.createdAt, startAt: row.startAt,
        cancelledAt: row.cancelledAt, cancelledByName: row.cancelledByName, finishedAt: row.finishedAt, total: row.total,
        counts: perState, recentRatePerSecond: mine.reduce((sum, c) => sum + c.recent, 0) / 60,
      };
    });
  }

  function decryptOrNull(value: string | null) {
    return value === null ? null : cipher.decrypt(value);
  }

  return {
    async listRuns(environmentId, filter, page) {
      const where: Prisma.TestAndEnableRunWhereInput = {
        environmentId, state: filter.state, scopeServerProfileId: filter.serverProfileId, startedById: filter.startedById,
      };
      const [rows, total] = await Promise.all([
        prisma.testAndEnableRun.findMany({ where, orderBy: [{ createdAt: 'desc' }, { number: 'desc' }], skip: page.offset, take: page.limit }),
        prisma.testAndEnableRun.count({ where }),
      ]);
      return { items: await withCounts(rows), total };
    },

    async findRun(environmentId, runId) {
      if (!isUuid(runId)) return null;
      const row = await prisma.testAndEnableRun.findFirst({ where: { id: runId, environmentId } });
      return row ? (await withCounts([row]))[0]! : null;
    },

    async listRunItems(runId, filter, page) {
      const where: Prisma.TestAndEnableRunItemWhereInput = { runId, state: filter.state };
      const [rows, total] = await Promise.all([
        prisma.testAndEnableRunItem.findMany({
          where, include: { mailbox: { select: { name: true, emailAddress: true } } },
          orderBy: [{ mailbox: { name: 'asc' } }, { id: 'asc' }], skip: page.offset, take: page.limit,
        }),
        prisma.testAndEnableRunItem.count({ where }),
      ]);
      return {
        total,
        items: rows.map((row): RunItem => ({
          id: row.id, runId: row.runId, mailboxId: row.mailboxId, mailboxName: row.mailbox.name, emailAddress: row.mailbox.emailAddress,
          serverProfileId: row.serverProfileId, state: row.state, attempts: row.attempts, nextAttemptAt: row.nextAttemptAt,
          startedAt: row.startedAt, finishedAt: row.finishedAt, channels: row.results as RunItemChannels,
          lastError: row.lastErrorCode
            ? { code: row.lastErrorCode, errorClass: row.lastErrorClass === 'transient' ? 'transient' : 'permanent', message: row.lastErrorMessage ?? '', backOffMs: null, httpStatus: null }
            : null,
        })),
      };
    },

    async findActiveRunItems(mailboxIds) {
      if (mailboxIds.length === 0) return [];
      return prisma.$queryRawUnsafe(
        `SELECT i."mailboxId", i."runId", r."number" AS "runNumber", r."startedByName"
         FROM "TestAndEnableRunItem" i JOIN "TestAndEnableRun" r ON r."id" = i."runId"
         WHERE i."mailboxId" = ANY($1::uuid[]) AND i."state" IN (${ACTIVE})`,
        mailboxIds,
      );
    },

    async recentAttemptOutcomes(serverProfileId, since) {
      const rows = await prisma.$queryRawUnsafe<{ mailboxId: string; at: Date; outcome: 'success' | 'permanent' | 'transient'; outageFamily: string | null }[]>(
        `SELECT DISTINCT ON ("mailboxId") "mailboxId", "at", "outcome", "outageFamily"
         FROM "TestAndEnableAttempt" WHERE "serverProfileId" = $1::uuid AND "at" >= $2::timestamp(3)
         ORDER BY "mailboxId", "at" DESC`,
        serverProfileId, since,
      );
      return rows.map((row) => ({ ...row, outageFamily: row.outageFamily as OutageFamily | null }));
    },

    async findHeldItem(serverProfileId) {
      const row = await prisma.testAndEnableRunItem.findFirst({
        where: { serverProfileId, state: 'held' }, orderBy: [{ nextAttemptAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }], select: { id: true, attempts: true },
      });
      return row ? { itemId: row.id, attempt: row.attempts + 1 } : null;
    },

    async findServerProfileHold(serverProfileId) {
      const row = await prisma.serverProfile.findUnique({ where: { id: serverProfileId }, select: { testAndEnableHeldAt: true, testAndEnableHeldFamily: true } });
      return row?.testAndEnableHeldAt && row.testAndEnableHeldFamily
        ? { heldAt: row.testAndEnableHeldAt, family: row.testAndEnableHeldFamily as OutageFamily }
        : null;
    },

    async createRun(run) {
      return prisma.testAndEnableRun.create({
        data: {
          environmentId: run.environmentId, scopeKind: run.scope.kind, scopeDescription: run.scope.description,
          scopeServerProfileId: run.scope.serverProfileId, startedById: run.startedById, startedByName: run.startedByName,
          createdAt: run.createdAt, startAt: run.startAt,
        },
        select: { id: true, number: true },
      });
    },

    async insertItems(runId, items, at) {
      if (items.length === 0) return [];
      // One statement: the items (a mailbox already in an active item is left out by the partial unique
      // index), the run's total, and the queued mark on the mailboxes that got an item. PostgreSQL runs
      // every data-modifying WITH to completion whether or not the final SELECT reads it.
      return prisma.$queryRawUnsafe(
        `WITH inserted AS (
           INSERT INTO "TestAndEnableRunItem" ("id", "runId", "mailboxId", "serverProfileId", "pendingChannels")
           SELECT gen_random_uuid(), $1::uuid, i."mailboxId", i."serverProfileId", i."channels"::jsonb
           FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS i("mailboxId", "serverProfileId", "channels")
           ON CONFLICT DO NOTHING
           RETURNING "id", "mailboxId", "serverProfileId"
         ), counted AS (
           UPDATE "TestAndEnableRun" SET "total" = (SELECT count(*) FROM inserted) WHERE "id" = $1::uuid RETURNING "startedById"
         ), queued AS (
           UPDATE "Mailbox" m SET "testAndEnableRequestedAt" = $5::timestamp(3), "testAndEnableRunId" = $1::uuid,
             "testAndEnableLastAttemptedById" = (SELECT "startedById" FROM counted), "testNextAttemptAt" = NULL, "updatedAt" = $5::timestamp(3)
           WHERE m."id" IN (SELECT "mailboxId" FROM inserted)
         )
         SELECT "id" AS "itemId", "mailboxId", "serverProfileId" FROM inserted`,
        runId, items.map((i) => i.mailboxId), items.map((i) => i.serverProfileId), items.map((i) => JSON.stringify(i.channels)), at,
      );
    },

    async cancelRun(runId, by, at) {
      const [row] = await prisma.$queryRawUnsafe<{ cancelledItems: number }[]>(
        `WITH run AS (
           UPDATE "TestAndEnableRun" SET "state" = 'cancelled', "cancelledAt" = $2::timestamp(3), "cancelledByName" = $3::text
           WHERE "id" = $1::uuid AND "state" IN ('scheduled', 'running') RETURNING "id"
         ), items AS (
           UPDATE "TestAndEnableRunItem" i SET "state" = 'cancelled', "finishedAt" = $2::timestamp(3), "nextAttemptAt" = NULL
           WHERE i."runId" IN (SELECT "id" FROM run) AND i."state" IN ('pending', 'retrying', 'held') RETURNING i."mailboxId"
         ), mailboxes AS (
           UPDATE "Mailbox" m SET "testAndEnableRequestedAt" = NULL, "testNextAttemptAt" = NULL
           WHERE m."id" IN (SELECT "mailboxId" FROM items)
         )
         SELECT (SELECT count(*) FROM items)::int AS "cancelledItems" FROM run`,
        runId, at, by.name,
      );
      return row ?? null;
    },

    async claimItem(itemId, attempt, claim, at) {
      if (!isUuid(itemId)) return null;
      // One statement on the hot path: the claim, the run's start, and every row the attempt reads.
      const [row] = await prisma.$queryRawUnsafe<ClaimRow[]>(
        `WITH old AS (
           SELECT "id", "state" FROM "TestAndEnableRunItem" WHERE "id" = $1::uuid FOR UPDATE
         ), claimed AS (
           UPDATE "TestAndEnableRunItem" i SET "state" = 'running', "claimToken" = $3::text, "claimExpiresAt" = $4::timestamp(3),
             "startedAt" = COALESCE(i."startedAt", $5::timestamp(3))
           FROM old
           WHERE i."id" = old."id" AND i."attempts" = $2::int - 1
             AND (i."state" IN ('pending', 'retrying') OR (i."state" = 'running' AND i."claimExpiresAt" < $5::timestamp(3)) OR ($6::boolean AND i."state" = 'held'))
           RETURNING i."id", i."runId", i."mailboxId", i."serverProfileId", i."attempts", i."pendingChannels", old."state" AS "before"
         ), started AS (
           UPDATE "TestAndEnableRun" SET "state" = 'running' WHERE "id" IN (SELECT "runId" FROM claimed) AND "state" = 'scheduled'
         )
         SELECT c."id" AS "itemId", c."runId", c."attempts", c."pendingChannels", c."before",
                r."number" AS "runNumber", r."startedById",
                e."id" AS "environmentId", e."name" AS "environmentName", e."customerEngagement", e."defaultServerProfileId",
                m."id" AS "mailboxId", m."name" AS "mailboxName", m."type" AS "mailboxType", m."emailAddress", m."ownerId" AS "mailboxOwnerId",
                mo."fullName" AS "mailboxOwnerName", m."emailAddressStatus", m."incomingEmailDeliveryMethod", m."outgoingEmailDeliveryMethod",
                m."appointmentsContactsTasksDeliveryMethod", m."allowCredentialsForEmailProcessing", m."userName" AS "mailboxUserName",
                m."passwordEncrypted" AS "mailboxPasswordEncrypted", m."discoveredEwsUrl",
                po."email" AS "profileOwnerEmail", to_jsonb(p) AS "profile"
         FROM claimed c
         JOIN "TestAndEnableRun" r ON r."id" = c."runId"
         JOIN "Environment" e ON e."id" = r."environmentId"
         JOIN "Mailbox" m ON m."id" = c."mailboxId"
         JOIN "User" mo ON mo."id" = m."ownerId"
         JOIN "ServerProfile" p ON p."id" = c."serverProfileId"
         JOIN "User" po ON po."id" = p."ownerId"`,
        itemId, attempt, claim.token, claim.expiresAt, at, claim.fromHeld,
      );
      if (!row) return null;
      const profile = profileFromJson(row.profile);
      return {
        item: { id: row.itemId, runId: row.runId, attempts: row.attempts, channels: row.pendingChannels, stateBeforeClaim: row.before },
        run: { id: row.runId, number: row.runNumber, startedById: row.startedById },
        environment: { id: row.environmentId, name: row.environmentName, customerEngagement: row.customerEngagement, defaultServerProfileId: row.defaultServerProfileId },
        mailbox: {
          id: row.mailboxId, name: row.mailboxName, type: row.mailboxType, emailAddress: row.emailAddress, ownerId: row.mailboxOwnerId,
          ownerName: row.mailboxOwnerName, serverType: profile.serverType, emailAddressStatus: row.emailAddressStatus,
          incomingEmailDeliveryMethod: row.incomingEmailDeliveryMethod, outgoingEmailDeliveryMethod: row.outgoingEmailDeliveryMethod,
          appointmentsContactsTasksDeliveryMethod: row.appointmentsContactsTasksDeliveryMethod,
          allowCredentialsForEmailProcessing: row.allowCredentialsForEmailProcessing, userName: row.mailboxUserName,
          discoveredEwsUrl: row.discoveredEwsUrl, password: decryptOrNull(row.mailboxPasswordEncrypted),
        },
        profile: {
          id: profile.id, name: profile.name, ownerId: profile.ownerId, ownerEmail: row.profileOwnerEmail,
          settings: toSettings(profile),
          secrets: {
            clientSecret: decryptOrNull(profile.clientSecretEncrypted),
            incomingPassword: decryptOrNull(profile.incomingPasswordEncrypted),
            outgoingPassword: decryptOrNull(profile.outgoingPasswordEncrypted),
          },
          heldFamily: profile.testAndEnableHeldAt ? (profile.testAndEnableHeldFamily as OutageFamily) : null,
        },
      } satisfies ClaimedRunItem;
    },

    async holdClaimedItem(itemId, claimToken) {
      const changed = await prisma.testAndEnableRunItem.updateMany({
        where: { id: itemId, claimToken, state: 'running' }, data: { state: 'held', claimToken: null, claimExpiresAt: null },
      });
      return changed.count === 1;
    },

    async recordAttempt(record) {
      const final = record.itemState !== 'retrying';
      const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
        `WITH updated AS (
           UPDATE "TestAndEnableRunItem" SET "state" = $3::"RunItemState", "attempts" = $4::int, "nextAttemptAt" = $5::timestamp(3),
             "results" = "results" || $6::jsonb, "pendingChannels" = $7::jsonb, "finishedAt" = CASE WHEN $8::boolean THEN $9::timestamp(3) ELSE NULL END,
             "claimToken" = NULL, "claimExpiresAt" = NULL, "lastErrorCode" = $10::text, "lastErrorClass" = $11::text, "lastErrorMessage" = $12::text
           WHERE "id" = $1::uuid AND "claimToken" = $2::text AND "state" = 'running'
           RETURNING "id", "runId", "mailboxId", "serverProfileId"
         )
         INSERT INTO "TestAndEnableAttempt" ("id", "itemId", "runId", "mailboxId", "serverProfileId", "environmentId", "attempt", "at", "durationMs", "outcome", "errorCode", "outageFamily")
         SELECT gen_random_uuid(), u."id", u."runId", u."mailboxId", u."serverProfileId", r."environmentId", $4::int, $9::timestamp(3), $13::int,
                $14::"AttemptOutcome", $10::text, $15::text
         FROM updated u JOIN "TestAndEnableRun" r ON r."id" = u."runId"
         RETURNING "id"`,
        record.itemId, record.claimToken, record.itemState, record.attempt, record.nextAttemptAt, JSON.stringify(record.channels),
        JSON.stringify(record.retryChannels), final, record.at, record.lastError?.code ?? null, record.lastError?.errorClass ?? null,
        record.lastError?.message ?? null, Math.round(record.durationMs), record.outcome, record.outageFamily,
      );
      return rows.length === 1;
    },

    async applyAttemptToMailbox(update) {
      const params = createSqlParams();
      const at = params.bind(update.at, 'timestamp(3)');
      const sets = [
        `"testAndEnableRunId" = ${params.bind(update.runId, 'uuid')}`,
        `"testNextAttemptAt" = ${params.bind(update.nextAttemptAt, 'timestamp(3)')}`,
        `"lastConnectivityTestAt" = ${at}`,
        `"lastConnectivityTrace" = ${params.bind(JSON.stringify(traceToJson(update.trace)), 'jsonb')}`,
        `"updatedAt" = ${at}`,
      ];
      for (const channel of EXCHANGE_CHANNELS) {
        const ended = update.channels[channel];
        if (!ended) continue;
        const fields = EXCHANGE_CHANNEL_FIELDS[channel];
        sets.push(`"${fields.status}" = '${ended === 'passed' ? 'success' : 'failure'}'`, `"${fields.enabled}" = ${ended === 'passed'}`);
      }
      if (update.final) sets.push(`"testCompletedOn" = ${at}`, `"testAndEnableRequestedAt" = NULL`);
      if (update.lastError) {
        sets.push('"consecutiveErrorCount" = "consecutiveErrorCount" + 1', `"lastErrorCode" = ${params.bind(update.lastError.code, 'text')}`,
          `"lastErrorMessage" = ${params.bind(update.lastError.message, 'text')}`, `"lastErrorAt" = ${at}`);
      } else {
        sets.push('"consecutiveErrorCount" = 0', '"lastErrorCode" = NULL', '"lastErrorMessage" = NULL', '"lastErrorAt" = NULL');
      }
      if (update.discoveredEwsUrl) sets.push(`"discoveredEwsUrl" = ${params.bind(update.discoveredEwsUrl, 'text')}`, `"discoveredEwsUrlAt" = ${at}`);
      await prisma.$executeRawUnsafe(`UPDATE "Mailbox" SET ${sets.join(', ')} WHERE "id" = ${params.bind(update.mailboxId, 'uuid')}`, ...params.values);
    },

    async approveMailboxEmail(mailboxId, approverId, at) {
      const changed = await prisma.mailbox.updateMany({
        where: { id: mailboxId, emailAddressStatus: { not: 'approved' } },
        data: { emailAddressStatus: 'approved', emailAddressApprovedById: approverId, emailAddressApprovedAt: at },
      });
      return changed.count === 1;
    },

    async finishRunIfDone(runId, at) {
      // Two workers ending the last items at once would each still see the other's as running: the run's row
      // lock makes the second one look again, in a statement that starts after the first committed.
      await prisma.$queryRawUnsafe(`SELECT 1 AS "locked" FROM "TestAndEnableRun" WHERE "id" = $1::uuid FOR UPDATE`, runId);
      await prisma.$executeRawUnsafe(
        `UPDATE "TestAndEnableRun" SET "finishedAt" = $2::timestamp(3), "state" = CASE WHEN "state" = 'cancelled' THEN 'cancelled'::"RunState" ELSE 'completed'::"RunState" END
         WHERE "id" = $1::uuid AND NOT EXISTS (SELECT 1 FROM "TestAndEnableRunItem" WHERE "runId" = $1::uuid AND "state" IN (${ACTIVE}))`,
        runId, at,
      );
    },

    async holdServerProfile(serverProfileId, family, at) {
      const held = await prisma.serverProfile.updateMany({
        where: { id: serverProfileId, testAndEnableHeldAt: null }, data: { testAndEnableHeldAt: at, testAndEnableHeldFamily: family },
      });
      if (held.count === 0) return false;
      await prisma.testAndEnableRunItem.updateMany({ where: { serverProfileId, state: { in: ['pending', 'retrying'] } }, data: { state: 'held' } });
      return true;
    },

    async releaseServerProfile(serverProfileId) {
      await prisma.serverProfile.updateMany({ where: { id: serverProfileId }, data: { testAndEnableHeldAt: null, testAndEnableHeldFamily: null } });
      return prisma.$queryRawUnsafe(
        `UPDATE "TestAndEnableRunItem" SET "state" = 'pending', "nextAttemptAt" = NULL
         WHERE "serverProfileId" = $1::uuid AND "state" = 'held' RETURNING "id" AS "itemId", "attempts" + 1 AS "attempt"`,
        serverProfileId,
      );
    },

    async recordMailboxConnectionTest(mailboxId, at, trace, discoveredEwsUrl) {
      await prisma.mailbox.update({
        where: { id: mailboxId },
        data: {
          lastConnectivityTestAt: at, lastConnectivityTrace: traceToJson(trace),
          ...(discoveredEwsUrl ? { discoveredEwsUrl, discoveredEwsUrlAt: at } : {}),
        },
        select: { id: true },
      });
    },

    async finishIdleRuns(at) {
      const finished = await prisma.$executeRawUnsafe(
        `UPDATE "TestAndEnableRun" r SET "finishedAt" = $1::timestamp(3), "state" = CASE WHEN r."state" = 'cancelled' THEN 'cancelled'::"RunState" ELSE 'completed'::"RunState" END
         WHERE r."finishedAt" IS NULL AND r."startAt" <= $1::timestamp(3)
           AND NOT EXISTS (SELECT 1 FROM "TestAndEnableRunItem" i WHERE i."runId" = r."id" AND i."state" IN (${ACTIVE}))`,
        at,
      );
      return finished;
    },

    async releaseExpiredClaims(at) {
      const rows = await prisma.$queryRawUnsafe<{ itemId: string; serverProfileId: string; attempt: number; timeoutMailboxConnection: boolean; timeoutMailboxConnectionAfterAmount: number }[]>(
        `UPDATE "TestAndEnableRunItem" i SET "state" = CASE WHEN i."attempts" = 0 THEN 'pending'::"RunItemState" ELSE 'retrying'::"RunItemState" END,
           "claimToken" = NULL, "claimExpiresAt" = NULL
         FROM "ServerProfile" p
         WHERE p."id" = i."serverProfileId" AND i."state" = 'running' AND i."claimExpiresAt" < $1::timestamp(3)
         RETURNING i."id" AS "itemId", i."serverProfileId", i."attempts" + 1 AS "attempt", p."timeoutMailboxConnection", p."timeoutMailboxConnectionAfterAmount"`,
        at,
      );
      return rows.map(({ timeoutMailboxConnection, timeoutMailboxConnectionAfterAmount, ...item }) => ({ ...item, timeout: { timeoutMailboxConnection, timeoutMailboxConnectionAfterAmount } }));
    },

    async findConnectionLimits(serverProfileIds) {
      const rows = await prisma.serverProfile.findMany({
        where: { id: { in: [...serverProfileIds] } }, select: { id: true, serverType: true, authenticateUsing: true, maxConcurrentConnections: true },
      });
      return new Map(rows.map((row): [string, ConnectionLimitSettings] => [row.id, row]));
    },
  };
}
