import type { ConnectionLeases } from '@sync-admin/domain';
import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * A counting semaphore in the database, shared by every worker process: a key has slots 0 … limit − 1, and
 * taking one is inserting (or taking over an expired) row of the slot, in one statement. Two workers after the
 * same free slot both try; the primary key lets one win. A killed worker's slots expire; lowering the limit
 * hands out no slot above it, and the ones in use end with their attempts. A lease id is "key#slot".
 */
export function createConnectionLeases(prisma: PrismaClient): ConnectionLeases {
  return {
    async acquire(key, limit, wanted, holder, ttlMs) {
      if (wanted <= 0 || limit <= 0) return [];
      const rows = await prisma.$queryRawUnsafe<{ slot: number }[]>(
        `WITH free AS (
           SELECT s."slot" FROM generate_series(0, $2::int - 1) AS s("slot")
           WHERE NOT EXISTS (SELECT 1 FROM "ConnectionLease" l WHERE l."key" = $1::text AND l."slot" = s."slot" AND l."expiresAt" > now())
           LIMIT $3::int
         )
         INSERT INTO "ConnectionLease" ("key", "slot", "holder", "expiresAt")
         SELECT $1::text, f."slot", $4::text, now() + ($5::int * interval '1 millisecond') FROM free f
         ON CONFLICT ("key", "slot") DO UPDATE SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt"
           WHERE "ConnectionLease"."expiresAt" <= now()
         RETURNING "slot"`,
        key, limit, wanted, holder, Math.round(ttlMs),
      );
      return rows.map((row) => `${key}#${row.slot}`);
    },

    async release(holder, leaseIds) {
      if (leaseIds.length === 0) return;
      const keys = leaseIds.map((id) => id.slice(0, id.lastIndexOf('#')));
      const slots = leaseIds.map((id) => Number(id.slice(id.lastIndexOf('#') + 1)));
      await prisma.$executeRawUnsafe(
        `DELETE FROM "ConnectionLease" l USING unnest($1::text[], $2::int[]) AS r("key", "slot")
         WHERE l."key" = r."key" AND l."slot" = r."slot" AND l."holder" = $3::text`,
        keys, slots, holder,
      );
    },

    async renew(holder, ttlMs) {
      await prisma.$executeRawUnsafe(
        `UPDATE "ConnectionLease" SET "expiresAt" = now() + ($2::int * interval '1 millisecond') WHERE "holder" = $1::text`,
        holder, Math.round(ttlMs),
      );
    },
  };
}
