import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { auditEntry, createEnvironment, openTestDatabase } from '../test-database.test-support.ts';
import { createAuditRepository } from './audit.repository.ts';
import { writeAuditEntries, writeAuditEntry } from './audit-writer.ts';

const ACTOR_A = '00000000-0000-4000-8000-00000000000a';
const ACTOR_B = '00000000-0000-4000-8000-00000000000b';
const ENTITY_1 = '00000000-0000-4000-8000-000000000101';
const ENTITY_2 = '00000000-0000-4000-8000-000000000102';

describe('audit log', () => {
  let db: Database;
  let repository: ReturnType<typeof createAuditRepository>;
  let contoso: string;
  let fabrikam: string;
  const page = { offset: 0, limit: 100 };
  const at = (hour: number) => new Date(Date.UTC(2026, 10, 20, hour));
  const names = async (filter: Parameters<typeof repository.listAuditEntries>[1]) =>
    (await repository.listAuditEntries(contoso, filter, page)).items.map((e) => `${e.actorName}/${e.entityName}/${e.action}`);

  beforeAll(async () => {
    db = await openTestDatabase();
    repository = createAuditRepository(db.prisma);
    contoso = (await createEnvironment(db.prisma, 'Contoso')).id;
    fabrikam = (await createEnvironment(db.prisma, 'Fabrikam')).id;
    await db.prisma.$transaction(async (tx) => {
      await writeAuditEntry(tx, auditEntry({ environmentId: contoso, entityId: ENTITY_1, entityName: 'Sales_Queue', actorId: ACTOR_A, actorName: 'Avery Approver', action: 'create', at: at(8),
        changes: [{ field: 'name', before: null, after: 'Sales_Queue' }] }));
      await writeAuditEntries(tx, [
        auditEntry({ environmentId: contoso, entityId: ENTITY_1, entityName: 'Sales_Queue', actorId: ACTOR_B, actorName: 'Sam Sysadmin', action: 'approveEmail', at: at(9),
          changes: [{ field: 'emailAddressStatus', before: 'pendingApproval', after: 'approved' }] }),
        auditEntry({ environmentId: contoso, entityId: ENTITY_2, entityName: "Bob's 100% mailbox", entityType: 'mailbox', actorId: ACTOR_B, actorName: 'Sam Sysadmin', action: 'update', at: at(10),
          changes: [{ field: 'isActive', before: true, after: false }, { field: 'password', before: '(set)', after: '(not set)' }] }),
        auditEntry({ environmentId: contoso, entityId: contoso, entityName: 'Email settings of Contoso', entityType: 'emailSettings', actorId: ACTOR_A, actorName: 'Avery Approver', at: at(11) }),
        auditEntry({ environmentId: fabrikam, entityId: ENTITY_2, entityName: 'Elsewhere', at: at(12) }),
      ]);
    });
  });
  afterAll(() => db.close());

  it('reads back what was written, one row or many at once, newest first', async () => {
    const listed = await repository.listAuditEntries(contoso, {}, page);
    expect(listed.total).toBe(4);
    expect(listed.items.map((e) => e.at)).toEqual([at(11), at(10), at(9), at(8)]);
    expect(listed.items[1]).toEqual({
      id: expect.any(String), environmentId: contoso, at: at(10), actorId: ACTOR_B, actorName: 'Sam Sysadmin', entityType: 'mailbox',
      entityId: ENTITY_2, entityName: "Bob's 100% mailbox", action: 'update',
      changes: [{ field: 'isActive', before: true, after: false }, { field: 'password', before: '(set)', after: '(not set)' }],
    });
    expect(listed.items[3]!.changes).toEqual([{ field: 'name', before: null, after: 'Sales_Queue' }]);
  });

  it.each<[string, Parameters<typeof repository.listAuditEntries>[1], string[]]>([
    ['entity type', { entityType: 'emailSettings' }, ['Avery Approver/Email settings of Contoso/update']],
    ['entity', { entityId: ENTITY_1 }, ['Sam Sysadmin/Sales_Queue/approveEmail', 'Avery Approver/Sales_Queue/create']],
    ['actor', { actorId: ACTOR_A }, ['Avery Approver/Email settings of Contoso/update', 'Avery Approver/Sales_Queue/create']],
    ['action', { action: 'approveEmail' }, ['Sam Sysadmin/Sales_Queue/approveEmail']],
    ['time range', { from: at(9), to: at(10) }, ["Sam Sysadmin/Bob's 100% mailbox/update", 'Sam Sysadmin/Sales_Queue/approveEmail']],
    ['entity name beginning, any case', { search: 'email SETTINGS' }, ['Avery Approver/Email settings of Contoso/update']],
    ['actor name beginning', { search: 'sam' }, ["Sam Sysadmin/Bob's 100% mailbox/update", 'Sam Sysadmin/Sales_Queue/approveEmail']],
    ['a beginning only, not a contains', { search: 'queue' }, []],
    ['_ taken literally', { search: 'sales_' }, ['Sam Sysadmin/Sales_Queue/approveEmail', 'Avery Approver/Sales_Queue/create']],
    ['% taken literally', { search: "bob's 100%" }, ["Sam Sysadmin/Bob's 100% mailbox/update"]],
    ['% is not a wildcard', { search: '%' }, []],
  ])('filters by %s', async (_, filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });
});
