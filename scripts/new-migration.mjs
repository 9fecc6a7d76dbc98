// Writes a new migration from the schema change since the last commit:
//   pnpm db:new-migration add_mailbox_alerts
// Diffs the committed prisma/schema.prisma against the working one, so no shadow database is needed
// (`prisma migrate dev` wants one, and the embedded PGlite adapter cannot serve as one).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: pnpm db:new-migration <snake_case_name>');
  process.exit(1);
}
const previous = path.join(mkdtempSync(path.join(tmpdir(), 'schema-')), 'schema.prisma');
writeFileSync(previous, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma']));
const sql = execFileSync('npx', ['prisma', 'migrate', 'diff', '--from-schema-datamodel', previous, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
  env: { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'prisma-cli-')) },
}).toString();
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log('The schema has not changed since the last commit: no migration written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`Wrote ${dir}/migration.sql`);
