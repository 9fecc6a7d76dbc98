import type { ConnectionLeases } from '@sync-admin/domain';
import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * A counting semaphore in the database, shared by every worker process: taking leases on a key is
 * serialised by a transaction-scoped advisory lock on that key, so two workers can never both see a free
 * connection that only one may take. Expired leases (a killed worker's) are swept before counting.
 */
export function createConnectionLeases(prisma: PrismaClient): ConnectionLeases {
  return {
    async acquire(key, limit, wanted, holder, ttlMs) {
      if (wanted <= 0 || limit <= 0) return [];
      return prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1::text))', key);
        await tx.$executeRawUnsafe(`DELETE FROM "ConnectionLease" WHERE "key" = $1::text AND "expiresAt" <= now()`, key);
        const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
          `INSERT INTO "ConnectionLease" ("id", "key", "holder", "expiresAt")
           SELECT gen_random_uuid(), $1::text, $2::text, now() + ($3::int * interval '1 millisecond')
           FROM generate_series(1, GREATEST(0, LEAST($4::int, $5::int - (SELECT count(*)::int FROM "ConnectionLease" WHERE "key" = $1::text))))
           RETURNING "id"`,
          key, holder, Math.round(ttlMs), wanted, limit,
        );
        return rows.map((row) => row.id);
      }, { maxWait: 30_000, timeout: 30_000 });
    },

    async release(leaseIds) {
      if (leaseIds.length === 0) return;
      await prisma.$executeRawUnsafe(`DELETE FROM "ConnectionLease" WHERE "id" = ANY($1::uuid[])`, [...leaseIds]);
    },

    async renew(holder, ttlMs) {
      await prisma.$executeRawUnsafe(
        `UPDATE "ConnectionLease" SET "expiresAt" = now() + ($2::int * interval '1 millisecond') WHERE "holder" = $1::text`,
        holder, Math.round(ttlMs),
      );
    },
  };
}
