import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** The layers' dependency rule, as the lint zones in eslint.config.js enforce it. */
describe('dependency rule', () => {
  it.each([
    ['packages/domain/src/x.ts', "import { PrismaClient } from '@prisma/client';", true],
    ['packages/domain/src/x.ts', "import Fastify from 'fastify';", true],
    ['packages/domain/src/x.ts', "import { apiPaths } from '@sync-admin/contract';", true],
    ['packages/domain/src/x.ts', "import { readFile } from 'node:fs';", true],
    ['packages/db/src/x.ts', "import { ExchangeService } from 'ews-javascript-api';", true],
    ['packages/ews/src/x.ts', "import { openDatabase } from '@sync-admin/db';", true],
    ['apps/web/src/x.ts', "import { openDatabase } from '@sync-admin/db';", true],
    ['apps/web/src/x.ts', "import { createEwsConnectionProbe } from '@sync-admin/ews';", true],
    ['apps/web/src/x.ts', "import { DomainError } from '@sync-admin/domain';", true],
    ['apps/web/src/x.ts', "import { apiPaths } from '@sync-admin/contract';", false],
    ['packages/db/src/x.ts', "import { DomainError } from '@sync-admin/domain';", false],
    ['apps/api/src/x.ts', "import { openDatabase } from '@sync-admin/db';", false],
    ['packages/dns/src/x.ts', "import { createOutboundPolicy } from '@sync-admin/ews';", true],
    ['packages/dns/src/x.ts', "import { openDatabase } from '@sync-admin/db';", true],
    ['packages/dns/src/x.ts', "import { evaluateDomainHealth } from '@sync-admin/domain';", false],
    // Its tests and test peers reuse the EWS adapter's policy and test certificates.
    ['packages/dns/src/test-peers/x.ts', "import { testCertificates } from '@sync-admin/ews/test-peers';", false],
  ])('%s: %s → refused: %s', async (filePath, source, refused) => {
    const errors = await importErrors(filePath, `${source}\nexport const used = [${source.match(/\{ (\w+) \}|import (\w+)/)?.slice(1).find(Boolean)}];\n`);
    expect(errors.length > 0).toBe(refused);
  });
});
