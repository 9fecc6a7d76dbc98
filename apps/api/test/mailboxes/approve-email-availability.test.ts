import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, signIn, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

interface Availability {
  commandShown: boolean;
  approvable: number;
  notApprovable: number;
  summary: string;
  summarySentence: { code: string; params?: Record<string, string | number> };
  refusals: { mailboxId: string; name: string; reason: string; reasonSentence: { code: string }; decisionIndex?: number }[];
  decisions: { allowed: boolean; summary: string; summarySentence: { code: string }; checks: { rule: string; outcome: string }[] }[];
}

describe('Approve Email availability: what the command would do for a selection, decided by the approval rules', () => {
  let t: TestApp;
  const sessions = new Map<string, SignedIn>();
  let contoso: string;

  const ask = (user: string, target: object) =>
    t.app.inject({ method: 'POST', url: `/api/environments/${contoso}/mailbox-actions/approve-email/availability`, headers: sessions.get(user)!.headers, payload: { target } });
  const approve = (user: string, target: object) =>
    t.app.inject({ method: 'POST', url: `/api/environments/${contoso}/mailbox-actions/approve-email`, headers: sessions.get(user)!.headers, payload: { target } });

  beforeAll(async () => {
    t = await createTestApp();
    for (const user of ['global.admin', 'sysadmin', 'approver', 'alex', 'support']) sessions.set(user, await signIn(t.app, `${user}@contoso.example`));
    contoso = await environmentId(t.db, 'Contoso');
  });
  afterAll(() => t.close());

  it('hides the command from Alex, who lacks the Approve Email Addresses privilege (seed 000), even on his own mailbox', async () => {
    const own = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, emailAddress: 'alex@contoso.example' } });
    const response = await ask('alex', { ids: [own.id] });
    expect(response.statusCode, response.body).toBe(200);
    const answer: Availability = response.json();
    expect(answer).toMatchObject({ commandShown: false, approvable: 0, notApprovable: 1 });
    expect(answer.decisions[answer.refusals[0]!.decisionIndex!]!.checks).toContainEqual({ rule: 'approveEmailCommandShown', outcome: 'failed', path: 'selfApproval', message: expect.any(String), sentence: {
      code: 'COMMAND_HIDDEN_USE_TEST_AND_ENABLE', params: { privilege: 'Approve Email Addresses for Users or Queues' }, labels: { privilege: { kind: 'privilege', keys: ['approveEmailAddresses'] } },
    } });
  });

  it('shows the command to System admin and says, for one Exchange Online mailbox, exactly what Approve Email would answer', async () => {
    const mailbox = await t.db.prisma.mailbox.findFirstOrThrow({
      where: { environmentId: contoso, type: 'user', emailAddressStatus: 'pendingApproval', ownerId: await userId(t.db, 'sysadmin@contoso.example'), serverProfileId: { not: null } },
    });
    const answer: Availability = (await ask('sysadmin', { ids: [mailbox.id] })).json();
    expect(answer).toMatchObject({ commandShown: true, approvable: 0, notApprovable: 1 });
    expect(answer.refusals).toEqual([{
      mailboxId: mailbox.id, name: mailbox.name, reason: expect.stringContaining('System admin alone cannot approve'), reasonSentence: answer.decisions[0]!.summarySentence, decisionIndex: 0,
    }]);
    // One mailbox: the summary is its refusal, in words and by code (the web says it with its decision's reason).
    expect(answer.summary).toBe(answer.refusals[0]!.reason);
    expect(answer.summarySentence).toEqual(answer.refusals[0]!.reasonSentence);

    // The command itself skips it with the same words, and the question changed nothing.
    const result = (await approve('sysadmin', { ids: [mailbox.id] })).json();
    expect(result.results[0]).toMatchObject({ outcome: 'skipped', message: answer.refusals[0]!.reason });
    expect((await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).emailAddressStatus).toBe('pendingApproval');
  });

  it('counts "all that match" for the Delegated Mailbox Approver without approving anything', async () => {
    const pending = await t.db.prisma.mailbox.count({ where: { environmentId: contoso, isActive: true, emailAddressStatus: 'pendingApproval' } });
    const auditBefore = await t.db.prisma.auditEntry.count();
    const answer: Availability = (await ask('approver', { filter: { view: 'pendingApproval' } })).json();
    expect(answer).toMatchObject({ commandShown: true, approvable: pending, notApprovable: 0, refusals: [] });
    expect(answer.summary).toBe(`Approve Email will approve ${pending} mailboxes.`);
    expect(answer.summarySentence).toEqual({ code: 'WILL_APPROVE_ALL', params: { count: pending } });
    expect(await t.db.prisma.auditEntry.count()).toBe(auditBefore);
    expect(await t.db.prisma.mailbox.count({ where: { environmentId: contoso, isActive: true, emailAddressStatus: 'pendingApproval' } })).toBe(pending);
  });

  it('names the already-approved mailboxes of a mixed selection and counts the rest', async () => {
    const [approved] = await t.db.prisma.mailbox.findMany({ where: { environmentId: contoso, emailAddressStatus: 'approved' }, take: 1, orderBy: { name: 'asc' } });
    const pending = await t.db.prisma.mailbox.findMany({ where: { environmentId: contoso, type: 'user', emailAddressStatus: 'pendingApproval' }, take: 2, orderBy: { name: 'asc' } });
    const answer: Availability = (await ask('global.admin', { ids: [approved!.id, ...pending.map((m) => m.id)] })).json();
    expect(answer).toMatchObject({ approvable: 2, notApprovable: 1, summary: 'Approve Email will approve 2 of the 3 mailboxes selected and skip 1.' });
    expect(answer.summarySentence).toEqual({ code: 'WILL_APPROVE_SOME', params: { approvable: 2, count: 3, skipped: 1 } });
    expect(answer.refusals).toEqual([{
      mailboxId: approved!.id, name: approved!.name, reason: 'The email address is already approved.', reasonSentence: { code: 'EMAIL_ADDRESS_ALREADY_APPROVED' },
    }]);
  });

  it('says a selection refused for one reason with that decision\'s summary, by code with the count', async () => {
    const mailboxes = await t.db.prisma.mailbox.findMany({
      where: { environmentId: contoso, type: 'user', emailAddressStatus: 'pendingApproval', ownerId: await userId(t.db, 'sysadmin@contoso.example'), serverProfileId: { not: null } },
      take: 2, orderBy: { name: 'asc' },
    });
    expect(mailboxes).toHaveLength(2);
    const answer: Availability = (await ask('sysadmin', { ids: mailboxes.map((m) => m.id) })).json();
    expect(answer).toMatchObject({ approvable: 0, notApprovable: 2 });
    expect(answer.decisions).toHaveLength(1);
    expect(answer.summary).toBe(`You cannot approve any of the 2 mailboxes selected. ${answer.decisions[0]!.summary}`);
    expect(answer.summarySentence).toEqual({ code: 'CANNOT_APPROVE_ANY_BECAUSE', params: { count: 2, summary: answer.decisions[0]!.summary } });
  });

  it('refuses a malformed selection with the field and what is allowed', async () => {
    const response = await ask('sysadmin', { ids: ['not-an-id'] });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().error)).toContain('Each id must be a mailbox id.');
  });
});
