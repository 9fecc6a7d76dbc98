import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { applyMigrations, MIGRATIONS_DIR } from './migrate.ts';

describe('applyMigrations on embedded PGlite', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
  });
  afterAll(() => db.close());

  it('applies every committed migration once, with Prisma-compatible checksums', async () => {
    const first = await applyMigrations(db);
    expect(first.length).toBeGreaterThan(0);
    expect(await applyMigrations(db)).toEqual([]);

    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    );
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'), 'utf8');
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
    }
    expect(await db.prisma.serverProfile.count()).toBe(0);
  });
});
