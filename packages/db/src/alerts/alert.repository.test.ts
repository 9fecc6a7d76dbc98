import type { LabelledSentence, NewAlert } from '@sync-admin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { createEnvironment, createServerProfile, createUser, openTestDatabase } from '../test-database.test-support.ts';
import { createAlertRepository } from './alert.repository.ts';

// A coded alert (decision 58): its sentence is kept as it was written, labels and all.
const ZEDS_SENTENCE: LabelledSentence = {
  code: 'CONFIGURATION_COMPLETED',
  params: { mailbox: 'Zed', channels: 'Incoming Email', count: 1 },
  labels: { channels: { kind: 'exchangeChannel', keys: ['incoming'] } },
};

describe('alert repository', () => {
  let db: Database;
  let repository: ReturnType<typeof createAlertRepository>;
  let contoso: string;
  let fabrikam: string;
  const ids = { olivia: '', zed: '', oliviasProfile: '', zedsProfile: '', oliviasMailbox: '', zedsMailbox: '' };
  const page = { offset: 0, limit: 100 };
  const messages = async (filter: Parameters<typeof repository.listAlerts>[1]) => (await repository.listAlerts(contoso, filter, page)).items.map((a) => a.message);

  beforeAll(async () => {
    db = await openTestDatabase();
    repository = createAlertRepository(db.prisma);
    contoso = (await createEnvironment(db.prisma, 'Contoso')).id;
    fabrikam = (await createEnvironment(db.prisma, 'Fabrikam')).id;
    ids.olivia = (await createUser(db.prisma, 'Olivia Owner')).id;
    ids.zed = (await createUser(db.prisma, 'Zed Owner')).id;
    ids.oliviasProfile = (await createServerProfile(db.prisma, contoso, ids.olivia, 'Olivia profile')).id;
    ids.zedsProfile = (await createServerProfile(db.prisma, contoso, ids.zed, 'Zed profile')).id;
    const mailbox = (name: string, ownerId: string, serverProfileId: string) =>
      db.prisma.mailbox.create({ data: { environmentId: contoso, type: 'user', name, emailAddress: `${name.toLowerCase()}@contoso.example`, ownerId, serverProfileId } });
    ids.oliviasMailbox = (await mailbox('Olivia', ids.olivia, ids.zedsProfile)).id;
    ids.zedsMailbox = (await mailbox('Zed', ids.zed, ids.oliviasProfile)).id;

    const at = (day: number) => new Date(Date.UTC(2026, 10, day));
    const alerts: NewAlert[] = [
      { environmentId: contoso, mailboxId: ids.oliviasMailbox, serverProfileId: ids.zedsProfile, severity: 'error', code: 'HTTP401', message: 'Olivia: credentials rejected (401).', sentence: null, toMailboxOwner: false, createdAt: at(3) },
      { environmentId: contoso, mailboxId: ids.zedsMailbox, serverProfileId: ids.oliviasProfile, severity: 'information', code: null, message: 'Zed: enabled for email processing.', sentence: ZEDS_SENTENCE, toMailboxOwner: true, createdAt: at(5) },
      { environmentId: contoso, mailboxId: null, serverProfileId: ids.oliviasProfile, severity: 'warning', code: null, message: 'Olivia profile: 100% of connections slow.', sentence: null, toMailboxOwner: false, createdAt: at(1) },
      { environmentId: contoso, mailboxId: null, serverProfileId: null, severity: 'warning', code: null, message: 'Quota at 1000 items_left.', sentence: null, toMailboxOwner: false, createdAt: at(4) },
      { environmentId: fabrikam, mailboxId: null, serverProfileId: null, severity: 'error', code: null, message: 'Fabrikam: something else.', sentence: null, toMailboxOwner: false, createdAt: at(6) },
    ];
    await repository.createAlerts(alerts);
    await repository.createAlerts([]);
  });
  afterAll(() => db.close());

  it('lists the environment\'s alerts newest first, with the mailbox and profile names', async () => {
    const listed = await repository.listAlerts(contoso, {}, page);
    expect(listed.total).toBe(4);
    expect(listed.items.map((a) => a.message)).toEqual([
      'Zed: enabled for email processing.', 'Quota at 1000 items_left.', 'Olivia: credentials rejected (401).', 'Olivia profile: 100% of connections slow.',
    ]);
    expect(listed.items[2]).toMatchObject({ mailboxName: 'Olivia', serverProfileName: 'Zed profile', severity: 'error', code: 'HTTP401', createdAt: new Date(Date.UTC(2026, 10, 3)) });
    expect(listed.items[1]).toMatchObject({ mailboxName: null, serverProfileName: null, sentence: null });
    expect(listed.items[0]?.sentence).toEqual(ZEDS_SENTENCE);
    const groups = await repository.groupAlerts(contoso, { mailboxId: ids.zedsMailbox }, page);
    expect(groups.items.map((group) => group.latestSentence)).toEqual([ZEDS_SENTENCE]);
  });

  it('pages', async () => {
    const second = await repository.listAlerts(contoso, {}, { offset: 1, limit: 2 });
    expect(second.total).toBe(4);
    expect(second.items.map((a) => a.message)).toEqual(['Quota at 1000 items_left.', 'Olivia: credentials rejected (401).']);
  });

  it.each<[string, () => Parameters<typeof repository.listAlerts>[1], string[]]>([
    ['mailbox', () => ({ mailboxId: ids.zedsMailbox }), ['Zed: enabled for email processing.']],
    ['server profile', () => ({ serverProfileId: ids.oliviasProfile }), ['Zed: enabled for email processing.', 'Olivia profile: 100% of connections slow.']],
    ['a profile owner\'s wall: alerts of their profiles', () => ({ recipientId: ids.olivia }), ['Zed: enabled for email processing.', 'Olivia profile: 100% of connections slow.']],
    ['a mailbox owner\'s wall: also alerts meant for the owner of their mailboxes', () => ({ recipientId: ids.zed }), ['Zed: enabled for email processing.', 'Olivia: credentials rejected (401).']],
    ['mailbox owner', () => ({ mailboxOwnerId: ids.olivia }), ['Olivia: credentials rejected (401).']],
    ['severity', () => ({ severity: 'warning' }), ['Quota at 1000 items_left.', 'Olivia profile: 100% of connections slow.']],
    ['since', () => ({ since: new Date(Date.UTC(2026, 10, 4)) }), ['Zed: enabled for email processing.', 'Quota at 1000 items_left.']],
    ['search, ignoring case', () => ({ search: 'ENABLED' }), ['Zed: enabled for email processing.']],
    ['search with % taken literally', () => ({ search: '100%' }), ['Olivia profile: 100% of connections slow.']],
    ['search with _ taken literally', () => ({ search: 's_l' }), ['Quota at 1000 items_left.']],
  ])('filters by %s', async (_, filter, expected) => {
    expect(await messages(filter())).toEqual(expected);
    expect((await repository.listAlerts(contoso, filter(), page)).total).toBe(expected.length);
  });
});
