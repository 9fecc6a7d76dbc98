import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atCurrentVersion, createTestApp, environmentId, serverProfileId, signIn, userId, waitForJob, type SignedIn, type TestApp } from '../helpers/test-app.ts';

type Target = 'contosoExchangeOnline' | 'contosoNoProfile' | 'contosoQueue' | 'alexOwn' | 'fabrikamExchangeServer';
type User = 'global.admin' | 'exchange.admin' | 'approver' | 'sysadmin' | 'support' | 'alex';
type Expected =
  | { allowed: true; via: 'permissionModel' | 'selfApproval'; mentions: string[] }
  | { allowed: false; failedRule: string; mentions: string[] }
  /** The user cannot open the environment: 404 "The environment was not found." */
  | 'environmentHidden'
  /** The user cannot read the mailbox (User-level read): 404, as if it did not exist. */
  | 'mailboxHidden';

interface Sentence { code: string; params?: Record<string, string | number> }
interface Check { rule: string; path: string; outcome: string; message: string; sentence?: Sentence }
interface Decision { allowed: boolean; via: string | null; summary: string; summarySentence?: Sentence; reasonRule?: string; checks: Check[] }
interface BulkResult {
  done: number;
  skipped: number;
  results: { mailboxId: string; name: string; outcome: 'done' | 'skipped'; message: string; decisionIndex?: number }[];
  decisions: Decision[];
}

const yes = (...mentions: string[]): Expected => ({ allowed: true, via: 'permissionModel', mentions });
const no = (failedRule: string, ...mentions: string[]): Expected => ({ allowed: false, failedRule, mentions });

/**
 * Seed 000, "Permissions model", for the demo users, written out by hand. Contoso runs customer engagement
 * apps online; Fabrikam runs Customer Engagement (on-premises) with Exchange Server.
 */
const MATRIX: Record<User, Record<Target, Expected>> = {
  'global.admin': {
    contosoExchangeOnline: yes('Global admin and System admin may approve Exchange Online mailboxes'),
    contosoNoProfile: yes('Global admin and System admin'),
    contosoQueue: yes('Global admin and System admin'),
    alexOwn: yes('Global admin and System admin'),
    fabrikamExchangeServer: yes('System admin may approve Exchange (on-premises) mailboxes'),
  },
  'exchange.admin': {
    contosoExchangeOnline: yes('Exchange admin and System admin may approve Exchange Online mailboxes'),
    contosoNoProfile: yes('Exchange admin and System admin'),
    contosoQueue: yes('Exchange admin and System admin'),
    alexOwn: yes('Exchange admin and System admin'),
    fabrikamExchangeServer: 'environmentHidden',
  },
  approver: {
    contosoExchangeOnline: yes('Delegated Mailbox Approver and System admin may approve Exchange Online mailboxes'),
    contosoNoProfile: yes('Delegated Mailbox Approver and System admin'),
    contosoQueue: yes('Delegated Mailbox Approver and System admin'),
    alexOwn: yes('Delegated Mailbox Approver and System admin'),
    fabrikamExchangeServer: 'environmentHidden',
  },
  sysadmin: {
    contosoExchangeOnline: no('permissionModel', 'System admin', 'Exchange Online'),
    contosoNoProfile: no('permissionModel', 'System admin', 'no email server profile'),
    contosoQueue: no('permissionModel', 'System admin', 'Exchange Online'),
    alexOwn: no('permissionModel', 'System admin', 'Exchange Online'),
    // Footnote 2: System admin alone approves where Exchange or Customer Engagement runs on-premises.
    fabrikamExchangeServer: yes('System admin may approve Exchange (on-premises) mailboxes'),
  },
  support: {
    contosoExchangeOnline: no('approvePrivilege', 'Approve Email Addresses for Users or Queues'),
    contosoNoProfile: no('approvePrivilege', 'Approve Email Addresses for Users or Queues'),
    contosoQueue: no('approvePrivilege', 'Approve Email Addresses for Users or Queues'),
    alexOwn: no('approvePrivilege', 'Approve Email Addresses for Users or Queues'),
    fabrikamExchangeServer: no('approvePrivilege', 'Approve Email Addresses for Users or Queues'),
  },
  alex: {
    contosoExchangeOnline: 'mailboxHidden',
    contosoNoProfile: 'mailboxHidden',
    contosoQueue: 'mailboxHidden',
    // His own mailbox: without the privilege the Approve Email command does not appear (Test & Enable approves instead).
    alexOwn: no('approveEmailCommandShown', 'Test & Enable Mailbox'),
    fabrikamExchangeServer: 'environmentHidden',
  },
};

const USERS = Object.keys(MATRIX) as User[];
const TARGETS = Object.keys(MATRIX['global.admin']) as Target[];

describe('Approve Email: who may approve which mailbox, and why', () => {
  let t: TestApp;
  const sessions = new Map<User, SignedIn>();
  const userIds = new Map<User, string>();
  const targets = new Map<Target, { id: string; environmentId: string }>();
  let contoso: string;
  let fabrikam: string;

  const call = (user: User, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: sessions.get(user)!.headers, ...(payload ? { payload } : {}) });
  const approveEmail = (user: User, environment: string, target: object) =>
    call(user, 'POST', `/api/environments/${environment}/mailbox-actions/approve-email`, { target });
  const testAndEnable = (user: User, environment: string, target: object) =>
    call(user, 'POST', `/api/environments/${environment}/mailbox-actions/test-and-enable`, { target });
  const setEmailSettings = async (user: User, environment: string, changes: object) => {
    const url = `/api/environments/${environment}/email-settings`;
    const response = await call(user, 'PATCH', url, await atCurrentVersion(t.db, url, changes));
    return response;
  };
  /** Puts a mailbox back to Pending Approval, not queued, so each case starts from the same state. */
  const resetToPending = (id: string) => t.db.prisma.mailbox.update({
    where: { id },
    data: { emailAddressStatus: 'pendingApproval', emailAddressApprovedById: null, emailAddressApprovedAt: null, testAndEnableRequestedAt: null, testAndEnableLastAttemptedById: null },
  });
  const failedRules = (decision: Decision) => decision.checks.filter((c) => c.outcome === 'failed').map((c) => c.rule);

  beforeAll(async () => {
    // The worker runs the Test & Enable jobs these tests start: self-approval happens as part of the run.
    t = await createTestApp({ worker: true });
    for (const user of USERS) {
      sessions.set(user, await signIn(t.app, `${user}@contoso.example`));
      userIds.set(user, await userId(t.db, `${user}@contoso.example`));
    }
    contoso = await environmentId(t.db, 'Contoso');
    fabrikam = await environmentId(t.db, 'Fabrikam');
    const exchangeOnlineId = await serverProfileId(t.db, contoso, 'Microsoft Exchange Online');
    const pendingUser = { type: 'user' as const, isActive: true, emailAddressStatus: 'pendingApproval' as const, ownerId: userIds.get('sysadmin') };
    const pick = async (key: Target, where: object) => {
      const row = await t.db.prisma.mailbox.findFirstOrThrow({ where, orderBy: { name: 'asc' } });
      targets.set(key, { id: row.id, environmentId: row.environmentId });
    };
    await pick('contosoExchangeOnline', { environmentId: contoso, ...pendingUser, serverProfileId: exchangeOnlineId });
    await pick('contosoNoProfile', { environmentId: contoso, ...pendingUser, serverProfileId: null });
    await pick('contosoQueue', { environmentId: contoso, type: 'queue', name: '<Billing>', emailAddressStatus: 'pendingApproval' });
    await pick('alexOwn', { environmentId: contoso, emailAddress: 'alex@contoso.example', ownerId: userIds.get('alex') });
    await pick('fabrikamExchangeServer', { environmentId: fabrikam, ...pendingUser, serverProfileId: { not: null } });
  });
  afterAll(() => t.close());

  describe.each(USERS)('%s', (user) => {
    it.each(TARGETS)('on %s: GET approval explains, POST approve-email does or skips accordingly', async (key) => {
      const expected = MATRIX[user][key];
      const target = targets.get(key)!;
      await resetToPending(target.id);
      const approvalsBefore = await t.db.prisma.auditEntry.count({ where: { action: 'approveEmail' } });

      const explained = await call(user, 'GET', `/api/environments/${target.environmentId}/mailboxes/${target.id}/approval`);
      const posted = await approveEmail(user, target.environmentId, { ids: [target.id] });
      const row = await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: target.id } });
      const approvalsAfter = await t.db.prisma.auditEntry.count({ where: { action: 'approveEmail' } });

      if (expected === 'environmentHidden' || expected === 'mailboxHidden') {
        for (const response of [explained, posted]) {
          expect(response.statusCode, response.body).toBe(404);
          expect(response.json().error.code).toBe('NOT_FOUND');
        }
        if (expected === 'environmentHidden') expect(posted.json().error.message).toBe('The environment was not found.');
        expect(row.emailAddressStatus).toBe('pendingApproval');
        expect(approvalsAfter).toBe(approvalsBefore);
        return;
      }

      expect(explained.statusCode, explained.body).toBe(200);
      const decision: Decision = explained.json().approveEmail;
      expect(decision.allowed).toBe(expected.allowed);
      for (const text of expected.mentions) expect(decision.summary).toContain(text);
      expect(posted.statusCode, posted.body).toBe(200);
      const result: BulkResult = posted.json();
      expect(result.results).toHaveLength(1);
      const [only] = result.results;
      expect(only!.mailboxId).toBe(target.id);

      if (expected.allowed) {
        expect(decision.via).toBe(expected.via);
        expect(failedRules(decision)).not.toContain('permissionModel');
        expect(result).toMatchObject({ done: 1, skipped: 0 });
        expect(only).toMatchObject({ outcome: 'done', message: 'Email address approved.' });
        expect(row).toMatchObject({ emailAddressStatus: 'approved', emailAddressApprovedById: userIds.get(user) });
        expect(row.emailAddressApprovedAt).toBeInstanceOf(Date);
        expect(approvalsAfter).toBe(approvalsBefore + 1);
      } else {
        expect(decision.via).toBeNull();
        expect(failedRules(decision)).toContain(expected.failedRule);
        expect(result).toMatchObject({ done: 0, skipped: 1 });
        expect(only!.outcome).toBe('skipped');
        expect(only!.decisionIndex).toEqual(expect.any(Number));
        const skippedBecause = result.decisions[only!.decisionIndex!]!;
        expect(skippedBecause.allowed).toBe(false);
        expect(failedRules(skippedBecause)).toContain(expected.failedRule);
        expect(only!.message).toBe(skippedBecause.summary);
        for (const text of expected.mentions) expect(only!.message).toContain(text);
        expect(row).toMatchObject({ emailAddressStatus: 'pendingApproval', emailAddressApprovedById: null });
        expect(approvalsAfter).toBe(approvalsBefore);
      }
    });
  });

  it('explains a denial for System admin alone in Contoso with the rule, the roles and the Exchange', async () => {
    const target = targets.get('contosoExchangeOnline')!;
    const decision: Decision = (await call('sysadmin', 'GET', `/api/environments/${contoso}/mailboxes/${target.id}/approval`)).json().approveEmail;
    expect(decision.checks.find((c) => c.rule === 'approvePrivilege')).toMatchObject({ outcome: 'passed' });
    expect(decision.checks.find((c) => c.rule === 'permissionModel')).toMatchObject({
      path: 'permissionModel', outcome: 'failed',
      message: expect.stringMatching(/System admin alone cannot approve.*Needs Global admin and System admin, Exchange admin and System admin, or Delegated Mailbox Approver and System admin/),
    });
    expect(decision.checks.find((c) => c.rule === 'upnMatchesEmailAddress')).toMatchObject({ path: 'selfApproval', outcome: 'failed' });
    // Each sentence is named by its code beside the English, for the web to say it in the user's language (decision 58).
    expect(decision.checks.find((c) => c.rule === 'permissionModel')?.sentence).toEqual({
      code: 'MODEL_ROLE_ALONE_CANNOT',
      params: {
        deployment: 'Customer engagement apps (online)', exchange: 'Exchange Online', role: 'System admin',
        needs: 'Global admin and System admin, Exchange admin and System admin, or Delegated Mailbox Approver and System admin',
      },
      // The params that are fixed labels, by what they name, for the web to say them in the user's language.
      labels: {
        deployment: { kind: 'customerEngagement', keys: ['online'] },
        exchange: { kind: 'exchangeDeployment', keys: ['exchangeOnline'] },
        role: { kind: 'approverRole', keys: ['systemAdmin'] },
        needs: { kind: 'approverRoleCombination', keys: ['globalAdminAndSystemAdmin', 'exchangeAdminAndSystemAdmin', 'delegatedMailboxApproverAndSystemAdmin'], join: 'or' },
      },
    });
    expect(decision).toMatchObject({ summarySentence: { code: 'APPROVAL_DENIED' }, reasonRule: 'permissionModel' });
  });

  it('notes footnote 1 for the Delegated Mailbox Approver and footnote 2 for System admin on-premises', async () => {
    const online = (await call('approver', 'GET', `/api/environments/${contoso}/mailboxes/${targets.get('contosoExchangeOnline')!.id}/approval`)).json();
    expect(online.approveEmail.checks.find((c: Check) => c.rule === 'permissionModel').message).toContain('9.2.22104.00170');
    const onPremises = (await call('sysadmin', 'GET', `/api/environments/${fabrikam}/mailboxes/${targets.get('fabrikamExchangeServer')!.id}/approval`)).json();
    const model = onPremises.approveEmail.checks.find((c: Check) => c.rule === 'permissionModel');
    expect(model.message).toContain('include your Exchange admin');
    // The note goes by the footnote's number too, for the web to say it in the user's language (decision 58).
    expect(model.sentence).toMatchObject({
      code: 'MODEL_ALLOWS_HELD_ROLE',
      params: { notes: ' Note: We recommend that you include your Exchange admin in the custom business processes your organization follows for this configuration.' },
      labels: { notes: { kind: 'permissionFootnote', keys: ['2'], join: 'notes' } },
    });
  });

  describe('approving your own user mailbox (Alex)', () => {
    const alexMailbox = () => targets.get('alexOwn')!.id;
    afterAll(async () => {
      const response = await setEmailSettings('global.admin', contoso, { requirePrivilegeToSelfApproveEmailAddress: false });
      expect(response.statusCode).toBe(200);
    });

    it('tells Alex the Approve Email command is not his, but Test & Enable will approve his address', async () => {
      await resetToPending(alexMailbox());
      const explained = (await call('alex', 'GET', `/api/environments/${contoso}/mailboxes/${alexMailbox()}/approval`)).json();
      expect(explained.approveEmail.allowed).toBe(false);
      expect(explained.approveEmail.checks).toContainEqual(expect.objectContaining({ rule: 'approveEmailCommandShown', outcome: 'failed' }));
      for (const rule of ['upnMatchesEmailAddress', 'selfApprovalPrivilegeSetting', 'mailboxWritePrivilege', 'notQueueMailbox']) {
        expect(explained.approveEmail.checks, rule).toContainEqual(expect.objectContaining({ rule, path: 'selfApproval', outcome: 'passed' }));
      }
      expect(explained.testAndEnableSelfApproval).toMatchObject({ allowed: true, via: 'selfApproval' });
    });

    /** Starts Test & Enable as `user` and waits for the job to finish; returns the start result. */
    async function testAndEnableToTheEnd(user: User): Promise<BulkResult & { run: { id: string; number: number } | null }> {
      const response = await testAndEnable(user, contoso, { ids: [alexMailbox()] });
      expect(response.statusCode, response.body).toBe(200);
      const result = response.json();
      if (result.run) await waitForJob(t, sessions.get('global.admin')!.headers, contoso, result.run.id);
      return result;
    }

    it('starts Test & Enable for Alex\'s own mailbox, and the run approves its address as part of it', async () => {
      await resetToPending(alexMailbox());
      const result = await testAndEnableToTheEnd('alex');
      expect(result).toMatchObject({ done: 1, skipped: 0 });
      expect(result.results[0]).toMatchObject({ mailboxId: alexMailbox(), outcome: 'done', message: expect.stringMatching(/^Test & Enable started as job #\d+; your email address will be approved as part of it \(self-approval\)\.$/) });
      expect(result.decisions[result.results[0]!.decisionIndex!]).toMatchObject({ allowed: true, via: 'selfApproval' });

      const row = await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: alexMailbox() } });
      expect(row).toMatchObject({ emailAddressStatus: 'approved', emailAddressApprovedById: userIds.get('alex'), testAndEnableLastAttemptedById: userIds.get('alex'), testAndEnableRunId: result.run!.id });
      expect(row.testAndEnableRequestedAt).toBeNull();
      expect(row.emailAddressApprovedAt).toBeInstanceOf(Date);

      const audit = await call('global.admin', 'GET', `/api/environments/${contoso}/audit?entityId=${alexMailbox()}&actorId=${userIds.get('alex')}`);
      const actions = audit.json().items.map((e: { action: string }) => e.action).sort();
      expect(actions).toEqual(['approveEmail', 'queueTestAndEnable']);
      const approval = audit.json().items.find((e: { action: string }) => e.action === 'approveEmail');
      expect(approval.changes).toEqual([{ field: 'emailAddressStatus', before: 'pendingApproval', after: 'approved' }]);
    });

    it('no longer approves as part of Test & Enable once RequirePrivilegeToSelfApproveEmailAddress is on', async () => {
      const settings = await setEmailSettings('global.admin', contoso, { requirePrivilegeToSelfApproveEmailAddress: true });
      expect(settings.statusCode, settings.body).toBe(200);
      expect(settings.json().requirePrivilegeToSelfApproveEmailAddress).toBe(true);
      await resetToPending(alexMailbox());

      const explained = (await call('alex', 'GET', `/api/environments/${contoso}/mailboxes/${alexMailbox()}/approval`)).json();
      expect(explained.testAndEnableSelfApproval.allowed).toBe(false);
      expect(failedRules(explained.testAndEnableSelfApproval)).toEqual(['selfApprovalPrivilegeSetting']);
      expect(explained.approveEmail.allowed).toBe(false);

      const result = await testAndEnableToTheEnd('alex');
      expect(result).toMatchObject({ done: 1, skipped: 0 });
      expect(result.results[0]!.message).toMatch(/^Test & Enable started as job #\d+\.$/);
      expect(result.results[0]!.decisionIndex).toBeUndefined();
      const row = await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: alexMailbox() } });
      expect(row).toMatchObject({ emailAddressStatus: 'pendingApproval', emailAddressApprovedById: null, testAndEnableLastAttemptedById: userIds.get('alex') });
      // Email settings process email only for approved users: the run says why the mailbox cannot be enabled.
      expect(row).toMatchObject({ incomingEmailStatus: 'failure', outgoingEmailStatus: 'failure', lastErrorCode: 'EmailAddressNotApproved' });
    });

    it('never self-approves through Test & Enable for an admin on someone else\'s mailbox', async () => {
      await resetToPending(alexMailbox());
      const result = await testAndEnableToTheEnd('sysadmin');
      expect(result).toMatchObject({ done: 1, results: [{ message: expect.stringMatching(/^Test & Enable started as job #\d+\.$/) }] });
      expect((await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: alexMailbox() } })).emailAddressStatus).toBe('pendingApproval');
    });
  });

  describe('bulk approval', () => {
    const pendingView = { filter: { view: 'pendingApproval' } };
    async function pendingIds(user: User = 'global.admin'): Promise<string[]> {
      const response = await call(user, 'GET', `/api/environments/${contoso}/mailboxes?view=pendingApproval&limit=500`);
      expect(response.statusCode).toBe(200);
      return response.json().items.map((r: { id: string }) => r.id);
    }

    it('skips every pending mailbox for System admin alone, each with the reason, and writes nothing', async () => {
      const ids = await pendingIds();
      expect(ids.length).toBeGreaterThan(50);
      const auditBefore = await t.db.prisma.auditEntry.count();
      const response = await approveEmail('sysadmin', contoso, pendingView);
      expect(response.statusCode, response.body).toBe(200);
      const result: BulkResult = response.json();
      expect(result.done).toBe(0);
      expect(result.skipped).toBe(ids.length);
      expect(result.results.map((r) => r.mailboxId).sort()).toEqual([...ids].sort());
      for (const row of result.results) {
        expect(row.outcome).toBe('skipped');
        const decision = result.decisions[row.decisionIndex!]!;
        expect(decision.allowed).toBe(false);
        expect(failedRules(decision)).toContain('permissionModel');
        expect(row.message).toMatch(/System admin/);
      }
      // Rows share their explanations instead of repeating one per mailbox.
      expect(result.decisions.length).toBeLessThanOrEqual(4);
      expect(await pendingIds()).toEqual(ids);
      expect(await t.db.prisma.auditEntry.count()).toBe(auditBefore);
    });

    it('approves every pending mailbox for the Delegated Mailbox Approver, with a result and an audit entry per mailbox', async () => {
      const ids = await pendingIds();
      // The approver approved single mailboxes above; this bulk run's entries are the ones from now on.
      const since = new Date(Date.now() - 1).toISOString();
      const response = await approveEmail('approver', contoso, pendingView);
      expect(response.statusCode, response.body).toBe(200);
      const result: BulkResult = response.json();
      expect(result).toMatchObject({ done: ids.length, skipped: 0 });
      expect(result.results.map((r) => r.mailboxId).sort()).toEqual([...ids].sort());
      expect(result.results.every((r) => r.outcome === 'done' && r.message === 'Email address approved.')).toBe(true);

      const rows = await t.db.prisma.mailbox.findMany({ where: { id: { in: ids } } });
      expect(rows.every((r) => r.emailAddressStatus === 'approved' && r.emailAddressApprovedById === userIds.get('approver'))).toBe(true);
      expect(await pendingIds()).toEqual([]);

      const audit = await call('global.admin', 'GET', `/api/environments/${contoso}/audit?action=approveEmail&actorId=${userIds.get('approver')}&from=${encodeURIComponent(since)}&limit=500`);
      expect(audit.statusCode).toBe(200);
      const entries = audit.json().items as { entityId: string; entityType: string; actorName: string; changes: unknown[] }[];
      expect(audit.json().total).toBe(ids.length);
      expect(entries.map((e) => e.entityId).sort()).toEqual([...ids].sort());
      for (const entry of entries) {
        expect(entry).toMatchObject({ entityType: 'mailbox', actorName: 'Avery Approver' });
        expect(entry.changes).toEqual([{ field: 'emailAddressStatus', before: 'pendingApproval', after: 'approved' }]);
      }
    });

    it('skips already-approved mailboxes in a mixed selection as already approved, and approves the rest', async () => {
      const [first, second, third, fourth] = await t.db.prisma.mailbox.findMany({
        where: { environmentId: contoso, emailAddressStatus: 'approved', emailAddressApprovedById: userIds.get('approver') }, take: 4, orderBy: { name: 'asc' },
      });
      await resetToPending(third!.id);
      await resetToPending(fourth!.id);
      const approvedAt = first!.emailAddressApprovedAt;
      const response = await approveEmail('global.admin', contoso, { ids: [first!.id, second!.id, third!.id, fourth!.id] });
      expect(response.statusCode, response.body).toBe(200);
      const result: BulkResult = response.json();
      expect(result).toMatchObject({ done: 2, skipped: 2 });
      const byId = new Map(result.results.map((r) => [r.mailboxId, r]));
      for (const row of [first!, second!]) expect(byId.get(row.id)).toMatchObject({ outcome: 'skipped', message: 'The email address is already approved.', name: row.name });
      for (const row of [third!, fourth!]) expect(byId.get(row.id)).toMatchObject({ outcome: 'done' });
      // The earlier approval stands: same approver, same time.
      expect(await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({
        emailAddressApprovedById: userIds.get('approver'), emailAddressApprovedAt: approvedAt,
      });
      expect((await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: third!.id } })).emailAddressApprovedById).toBe(userIds.get('global.admin'));
    });

    it('tells Support that a queue whose address equals Support\'s UPN is a queue, not their own mailbox', async () => {
      // The <Support> queue's address is support@contoso.example, the Support user's UPN.
      const queue = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, type: 'queue', emailAddress: 'support@contoso.example' } });
      await resetToPending(queue.id);
      const response = await approveEmail('support', contoso, { ids: [queue.id] });
      const result: BulkResult = response.json();
      expect(result).toMatchObject({ done: 0, skipped: 1 });
      const decision = result.decisions[result.results[0]!.decisionIndex!]!;
      expect(decision.checks.find((c) => c.rule === 'notQueueMailbox')).toMatchObject({ outcome: 'failed' });
      // Queues cannot be self-approved at all, so a missing Mailbox Write privilege is not what stands in the way.
      expect(result.results[0]!.message).toMatch(/^You cannot approve this mailbox: this is a queue mailbox: only user mailboxes can be approved by their own user\.$/i);
    });
  });

  describe('Remove the requirement to approve mailboxes', () => {
    it('turns off "Process emails only for approved users/queues", as Email settings then show', async () => {
      const response = await setEmailSettings('global.admin', contoso, { processEmailsOnlyForApprovedUsers: false, processEmailsOnlyForApprovedQueues: false });
      expect(response.statusCode, response.body).toBe(200);
      const settings = (await call('global.admin', 'GET', `/api/environments/${contoso}/email-settings`)).json();
      expect(settings).toMatchObject({ processEmailsOnlyForApprovedUsers: false, processEmailsOnlyForApprovedQueues: false });
      const restored = await setEmailSettings('global.admin', contoso, { processEmailsOnlyForApprovedUsers: true, processEmailsOnlyForApprovedQueues: true });
      expect(restored.json()).toMatchObject({ processEmailsOnlyForApprovedUsers: true, processEmailsOnlyForApprovedQueues: true });
    });

    it('lets the Delegated Mailbox Approver (with System admin) remove it in Contoso', async () => {
      const response = await setEmailSettings('approver', contoso, { processEmailsOnlyForApprovedQueues: false });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().processEmailsOnlyForApprovedQueues).toBe(false);
      await setEmailSettings('global.admin', contoso, { processEmailsOnlyForApprovedQueues: true });
    });

    it('refuses System admin alone removing it in Contoso (online with Exchange Online), as only the permissions model\'s admins may', async () => {
      const response = await setEmailSettings('sysadmin', contoso, { processEmailsOnlyForApprovedUsers: false });
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().error.code).toBe('ACCESS_DENIED');
      const settings = (await call('global.admin', 'GET', `/api/environments/${contoso}/email-settings`)).json();
      expect(settings.processEmailsOnlyForApprovedUsers).toBe(true);
    });

    it('lets System admin remove it in Fabrikam (Customer Engagement on-premises, footnote 2)', async () => {
      const response = await setEmailSettings('sysadmin', fabrikam, { processEmailsOnlyForApprovedUsers: false });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().processEmailsOnlyForApprovedUsers).toBe(false);
    });
  });
});
