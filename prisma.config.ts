// Prisma CLI configuration. The JS schema engine runs over a driver adapter, so the CLI needs no native
// binary (unreachable offline): PostgreSQL when DATABASE_URL is set, else the embedded PGlite data folder.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';

const databaseUrl = process.env.DATABASE_URL;
// The schema's `url = env("DATABASE_URL")` must resolve even on the embedded database, where the adapter
// below does the connecting; this placeholder is never dialled.
process.env.DATABASE_URL ??= 'postgresql://embedded-pglite.invalid/sync_admin';

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    if (databaseUrl) {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: databaseUrl });
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    const dataDir = path.resolve(process.env.DATA_DIR ?? 'data', 'pglite');
    mkdirSync(dataDir, { recursive: true });
    return new PrismaPGlite(new PGlite(dataDir));
  },
});
