import { DEFAULT_EMAIL_SETTINGS } from '@sync-admin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { auditEntry, createEnvironment, openTestDatabase } from '../test-database.test-support.ts';
import { createEmailSettingsRepository } from './email-settings.repository.ts';

describe('email settings repository', () => {
  let db: Database;
  let repository: ReturnType<typeof createEmailSettingsRepository>;
  let contoso: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    repository = createEmailSettingsRepository(db.prisma);
    contoso = (await createEnvironment(db.prisma, 'Contoso')).id;
  });
  afterAll(() => db.close());

  it('gives the defaults to an environment without a row', async () => {
    expect(await repository.findEmailSettings(contoso)).toEqual({ ...DEFAULT_EMAIL_SETTINGS, version: 0 });
  });

  it('stores the settings (a row on first save) with the audit entry', async () => {
    const settings = { ...DEFAULT_EMAIL_SETTINGS, processEmailsOnlyForApprovedQueues: false, appointmentsContactsTasksDeliveryMethod: 'none' as const };
    const saved = await repository.updateEmailSettings(contoso, 0, settings, auditEntry({ environmentId: contoso, entityId: contoso, entityType: 'emailSettings' }));
    expect(saved).toEqual({ ...settings, version: 1 });
    expect(await repository.findEmailSettings(contoso)).toEqual({ ...settings, version: 1 });

    await repository.updateEmailSettings(contoso, 1, { notifyMailboxOwner: true, defaultServerProfileId: 'ignored' } as Partial<typeof settings>, null);
    expect(await repository.findEmailSettings(contoso)).toEqual({ ...settings, notifyMailboxOwner: true, version: 2 });
    expect(await db.prisma.emailSettings.count()).toBe(1);
    expect(await db.prisma.auditEntry.count({ where: { entityType: 'emailSettings' } })).toBe(1);
  });

  it('saves nothing at a version that is no longer current, the first save included', async () => {
    const before = await repository.findEmailSettings(contoso);
    expect(await repository.updateEmailSettings(contoso, before.version - 1, { alertOnWarnings: false }, null)).toBeNull();
    expect(await repository.updateEmailSettings(contoso, 0, { alertOnWarnings: false }, null)).toBeNull();
    expect(await repository.findEmailSettings(contoso)).toEqual(before);
  });

  it('saves nothing when the audit entry cannot be stored', async () => {
    const before = await repository.findEmailSettings(contoso);
    await expect(repository.updateEmailSettings(contoso, before.version, { alertOnErrors: false },
      auditEntry({ environmentId: 'ffffffff-ffff-4fff-8fff-ffffffffffff', entityId: contoso }))).rejects.toThrow();
    expect(await repository.findEmailSettings(contoso)).toEqual(before);
  });
});
