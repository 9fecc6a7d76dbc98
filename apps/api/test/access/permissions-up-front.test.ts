import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atCurrentVersion, createTestApp, environmentId, signIn, type SignedIn, type TestApp } from '../helpers/test-app.ts';

/** What a user may not change is said before Save, by the same rules that refuse it on Save. */
describe('permissions the web shows up front', () => {
  let t: TestApp;
  const sessions = new Map<string, SignedIn>();
  let contoso: string;
  let fabrikam: string;

  const get = (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: sessions.get(user)!.headers });
  // As the form sends it: with the version last read.
  const patch = async (user: string, url: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url, headers: sessions.get(user)!.headers, payload: await atCurrentVersion(t.db, url, payload) });

  beforeAll(async () => {
    t = await createTestApp();
    for (const user of ['global.admin', 'sysadmin', 'support']) sessions.set(user, await signIn(t.app, `${user}@contoso.example`));
    contoso = await environmentId(t.db, 'Contoso');
    fabrikam = await environmentId(t.db, 'Fabrikam');
  });
  afterAll(() => t.close());

  it('Email settings say whether the approval switches may be changed, and Save agrees', async () => {
    const sysadmin = (await get('sysadmin', `/api/environments/${contoso}/email-settings`)).json();
    expect(sysadmin.approvalRequirement).toEqual({
      canChange: false,
      reason: expect.stringMatching(/^Only admins as described in the permissions model can change whether mailboxes need approval\. In .* with Exchange Online that is: /),
    });
    const refused = await patch('sysadmin', `/api/environments/${contoso}/email-settings`, { processEmailsOnlyForApprovedUsers: false });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(sysadmin.approvalRequirement.reason);

    expect((await get('global.admin', `/api/environments/${contoso}/email-settings`)).json().approvalRequirement).toEqual({ canChange: true, reason: null });
    // Footnote 2: System admin alone may where Customer Engagement runs on-premises.
    expect((await get('sysadmin', `/api/environments/${fabrikam}/email-settings`)).json().approvalRequirement).toEqual({ canChange: true, reason: null });
    expect((await get('support', `/api/environments/${contoso}/email-settings`)).json().approvalRequirement).toEqual({
      canChange: false, reason: 'You need Write privilege on Organization to change email settings.',
    });
  });

  it('security roles say to whom the signed-in user may not give each one (Delegated Mailbox Approver: 0x80090904, 0x80090905)', async () => {
    const roleOf = async (user: string, name: string) =>
      ((await get(user, `/api/environments/${contoso}/security-roles`)).json().items as { name: string; assignmentDenial: unknown }[]).find((r) => r.name === name)!;
    expect((await roleOf('sysadmin', 'Delegated Mailbox Approver')).assignmentDenial).toEqual({
      user: 'You must be an Office 365 Global Administrator or an Exchange Administrator to assign the Delegated Mailbox Approver role. (Error code: 0x80090904)',
      team: 'The Delegated Mailbox Approver role cannot be assigned to a team. (Error code: 0x80090905)',
    });
    expect((await roleOf('global.admin', 'Delegated Mailbox Approver')).assignmentDenial).toEqual({
      user: null, team: 'The Delegated Mailbox Approver role cannot be assigned to a team. (Error code: 0x80090905)',
    });
    expect((await roleOf('sysadmin', 'Basic User')).assignmentDenial).toEqual({ user: null, team: null });
  });
});
