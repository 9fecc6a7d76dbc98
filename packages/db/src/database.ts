import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';

export type DatabaseTarget =
  /** PostgreSQL through node-postgres. */
  | { kind: 'postgres'; url: string }
  /** Embedded PGlite persisted in a folder; `null` keeps it in memory (tests). */
  | { kind: 'pglite'; dataDir: string | null };

export interface Database {
  prisma: PrismaClient;
  /** Runs a multi-statement SQL script outside Prisma (migrations). */
  execScript(sql: string): Promise<void>;
  target: DatabaseTarget['kind'];
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      target: 'postgres',
      execScript: async (sql) => {
        await pool.query(sql);
      },
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  if (target.dataDir !== null) mkdirSync(target.dataDir, { recursive: true });
  const pglite = target.dataDir === null ? new PGlite() : new PGlite(target.dataDir);
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    target: 'pglite',
    execScript: async (sql) => {
      await pglite.exec(sql);
    },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
