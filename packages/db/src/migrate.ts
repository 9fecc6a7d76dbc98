import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

/**
 * Applies the committed Prisma migrations in order, keeping Prisma's own `_prisma_migrations` bookkeeping
 * (same checksum), so `prisma migrate status`/`deploy` agree with what ran here. Done in-process because the
 * embedded PGlite database can only be opened by one process at a time.
 */
export async function applyMigrations(db: Database, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  await ensureMigrationsTable(db);
  const newlyApplied: string[] = [];
  for (const name of await pendingMigrations(db, migrationsDir)) {
    const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    // One transaction per migration: a failed migration leaves no half-applied schema behind.
    await db.execScript(`BEGIN;\n${sql}\nINSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
      VALUES ('${randomUUID()}', '${checksum}', now(), '${name.replaceAll("'", "''")}', 1);\nCOMMIT;`);
    newlyApplied.push(name);
  }
  return newlyApplied;
}

/** Committed migrations the database has not applied yet (a worker waits for the portal to apply them). */
export async function pendingMigrations(db: Database, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  await ensureMigrationsTable(db);
  const applied = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  const done = new Set(applied.map((row) => row.migration_name));
  return (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && !done.has(entry.name))
    .map((entry) => entry.name)
    .sort();
}

async function ensureMigrationsTable(db: Database): Promise<void> {
  await db.execScript(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
}
