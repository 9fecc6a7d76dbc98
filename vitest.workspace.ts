// The test projects, one per package or app; vitest.config.ts runs them all.
import type { TestProjectConfiguration } from 'vitest/config';

// Timeouts are generous on purpose: they catch hangs, not slowness (a loaded CI machine opens PGlite and loads
// ESLint slowly; timings belong in bench/).
export const projects: TestProjectConfiguration[] = [
  { extends: true, test: { name: 'domain', root: 'packages/domain', include: ['src/**/*.test.ts'] } },
  { extends: true, test: { name: 'db', root: 'packages/db', include: ['src/**/*.test.ts'], hookTimeout: 60_000 } },
  { extends: true, test: { name: 'ews', root: 'packages/ews', include: ['src/**/*.test.ts'], testTimeout: 20_000 } },
  { extends: true, test: { name: 'dns', root: 'packages/dns', include: ['src/**/*.test.ts'], testTimeout: 20_000 } },
  { extends: true, test: { name: 'notifications', root: 'packages/notifications', include: ['src/**/*.test.ts'] } },
  // The API suite runs twice: on embedded PGlite and on a real PostgreSQL server started for the run.
  ...(['pglite', 'postgres'] as const).map((database) => ({
    extends: true as const,
    test: {
      name: `api-${database}`,
      root: 'apps/api',
      // Unit tests beside the code need no database: they run once, with the PGlite project.
      include: database === 'pglite' ? ['src/**/*.test.ts', 'test/**/*.test.ts'] : ['test/**/*.test.ts'],
      env: { TEST_DATABASE: database },
      globalSetup: database === 'postgres' ? ['test/helpers/postgres-global-setup.ts'] : [],
      testTimeout: 30_000,
      hookTimeout: 120_000,
    },
  })),
  { extends: true, test: { name: 'repo', root: '.', include: ['test/**/*.test.ts'], testTimeout: 30_000 } },
];
