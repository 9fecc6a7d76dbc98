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
  /** One parameterised statement outside Prisma, on the same connections (the job engine's). */
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
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
      executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows }),
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
    // Without parameters a statement may be several (pg-boss installs its schema that way): the simple protocol.
    executeSql: async (text, values) => (values?.length
      ? { rows: (await pglite.query(text, values)).rows }
      : { rows: (await pglite.exec(text)).at(-1)?.rows ?? [] }),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
