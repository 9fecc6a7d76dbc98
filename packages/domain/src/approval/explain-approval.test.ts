import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { BUILT_IN_ROLE_NAMES } from '../access/built-in-roles.ts';
import type { PrivilegeDepth, PrivilegeSet } from '../access/privileges.ts';
import type { TenantRole } from '../access/tenant-roles.ts';
import type { CustomerEngagementDeployment } from '../environments/environment.ts';
import type { ServerType } from '../server-profiles/server-profile.ts';
import { APPROVAL_PERMISSION_FOOTNOTES, type ApproverRoleCombination } from './approval-permission-table.ts';
import type { CodedSentence } from '../shared/domain-error.ts';
import { tableSentence, templatePlaceholders } from '../shared/sentence.ts';
import { SENTENCE_LABEL_TABLES } from '../shared/sentence-labels.ts';
import {
  APPROVAL_RULES,
  APPROVAL_SENTENCES,
  explainApproval,
  explainTestAndEnableSelfApproval,
  type ApprovalContext,
  type ApprovalDecision,
  type ApprovalRule,
  type ApprovalRuleOutcome,
  type ApprovalSentence,
  type ApprovalSentenceCode,
  type MailboxForApproval,
} from './explain-approval.ts';

const ME = 'user-me';
const SOMEONE_ELSE = 'user-pat';
const NEEDS_ONLINE =
  'Needs Global admin and System admin, Exchange admin and System admin, or Delegated Mailbox Approver and System admin.';

function actor(overrides: Partial<Actor> = {}): Actor {
  return { userId: ME, email: 'me@contoso.com', tenantRoles: [], securityRoles: [], privileges: {}, ...overrides };
}

/** Someone else's user mailbox on Exchange Online, unless told otherwise. */
function mailbox(overrides: Partial<MailboxForApproval> = {}): MailboxForApproval {
  return {
    id: 'mailbox-1',
    name: 'Pat Doe',
    type: 'user',
    emailAddress: 'pat@contoso.com',
    ownerId: SOMEONE_ELSE,
    serverType: 'exchangeOnline',
    ...overrides,
  };
}

function context(overrides: Partial<ApprovalContext> = {}): ApprovalContext {
  return { customerEngagement: 'online', requirePrivilegeToSelfApproveEmailAddress: false, ...overrides };
}

function outcomes(decision: ApprovalDecision): Partial<Record<ApprovalRule, ApprovalRuleOutcome>> {
  return Object.fromEntries(decision.checks.map((check) => [check.rule, check.outcome]));
}

function messageOf(decision: ApprovalDecision, rule: ApprovalRule): string {
  return decision.checks.find((check) => check.rule === rule)?.message ?? '';
}

// ——— Approving your own user mailbox ———

/**
 * A user with no role of the permissions model who meets every self-approval condition: their own user
 * mailbox, User-level Write on Mailbox, and the approve privilege at User level so the command appears.
 */
const SELF_APPROVER = actor({ privileges: { approveEmailAddresses: 'user', 'mailbox.write': 'user' } });
const OWN_MAILBOX = mailbox({ emailAddress: 'me@contoso.com', ownerId: ME });

interface SelfApprovalCase {
  name: string;
  actor: Actor;
  mailbox: MailboxForApproval;
  context: ApprovalContext;
  /** The one self-approval rule that fails; null when all hold. */
  failing: ApprovalRule | null;
  /** Whether Test & Enable Mailbox approves the address as part of its run. */
  testAndEnableApproves: boolean;
}

const SELF_APPROVAL_CASES: SelfApprovalCase[] = [
  { name: 'all conditions hold', actor: SELF_APPROVER, mailbox: OWN_MAILBOX, context: context(), failing: null, testAndEnableApproves: true },
  {
    name: 'the UPN matches in another case',
    actor: SELF_APPROVER,
    mailbox: { ...OWN_MAILBOX, emailAddress: ' Me@Contoso.com' },
    context: context(),
    failing: null,
    testAndEnableApproves: true,
  },
  {
    name: 'the setting is enabled and the privilege is held',
    actor: SELF_APPROVER,
    mailbox: OWN_MAILBOX,
    context: context({ requirePrivilegeToSelfApproveEmailAddress: true }),
    failing: null,
    testAndEnableApproves: true,
  },
  {
    name: 'Write on Mailbox at Organization level',
    actor: actor({ privileges: { approveEmailAddresses: 'user', 'mailbox.write': 'organization' } }),
    mailbox: OWN_MAILBOX,
    context: context(),
    failing: null,
    testAndEnableApproves: true,
  },
  {
    name: 'the UPN does not match the email address',
    actor: SELF_APPROVER,
    mailbox: { ...OWN_MAILBOX, emailAddress: 'someone@contoso.com' },
    context: context(),
    failing: 'upnMatchesEmailAddress',
    testAndEnableApproves: false,
  },
  {
    name: 'the mailbox has no email address',
    actor: SELF_APPROVER,
    mailbox: { ...OWN_MAILBOX, emailAddress: '' },
    context: context(),
    failing: 'upnMatchesEmailAddress',
    testAndEnableApproves: false,
  },
  {
    name: 'the setting is enabled and the privilege is not held',
    actor: actor({ privileges: { 'mailbox.write': 'user' } }),
    mailbox: OWN_MAILBOX,
    context: context({ requirePrivilegeToSelfApproveEmailAddress: true }),
    failing: 'selfApprovalPrivilegeSetting',
    testAndEnableApproves: false,
  },
  {
    name: 'no Write privilege on Mailbox',
    actor: actor({ privileges: { approveEmailAddresses: 'user' } }),
    mailbox: OWN_MAILBOX,
    context: context(),
    failing: 'mailboxWritePrivilege',
    testAndEnableApproves: false,
  },
  {
    name: 'User-level Write on a mailbox someone else owns',
    actor: actor({ privileges: { approveEmailAddresses: 'organization', 'mailbox.write': 'user' } }),
    mailbox: { ...OWN_MAILBOX, ownerId: SOMEONE_ELSE },
    context: context(),
    failing: 'mailboxWritePrivilege',
    testAndEnableApproves: false,
  },
  {
    name: 'a queue mailbox',
    actor: SELF_APPROVER,
    mailbox: { ...OWN_MAILBOX, type: 'queue' },
    context: context(),
    failing: 'notQueueMailbox',
    testAndEnableApproves: false,
  },
  {
    // Seed 000: the button does not appear, yet Test & Enable Mailbox approves the address.
    name: 'the setting is disabled and the privilege is not held',
    actor: actor({ privileges: { 'mailbox.write': 'user' } }),
    mailbox: OWN_MAILBOX,
    context: context(),
    failing: 'approveEmailCommandShown',
    testAndEnableApproves: true,
  },
];

describe('explainApproval: approving your own user mailbox', () => {
  it.each(SELF_APPROVAL_CASES)('$name', ({ actor, mailbox, context, failing }) => {
    const decision = explainApproval(actor, mailbox, context);
    const selfChecks = decision.checks.filter((check) => check.path === 'selfApproval');
    expect(selfChecks.filter((check) => check.outcome === 'failed').map((check) => check.rule)).toEqual(failing ? [failing] : []);
    expect(decision.allowed).toBe(failing === null);
    expect(decision.via).toBe(failing === null ? 'selfApproval' : null);
    // None of these actors holds a role of the permissions model.
    expect(outcomes(decision).permissionModel).toBe('failed');
    // The summary gives the self-approval reason on one's own mailbox, the admin reason on anyone else's.
    const reason = failing === 'upnMatchesEmailAddress' ? 'permissionModel' : failing;
    if (reason) expect(decision.summary).toContain(messageOf(decision, reason).slice(1));
  });

  it('says so in the summary when allowed', () => {
    expect(explainApproval(SELF_APPROVER, OWN_MAILBOX, context()).summary).toBe(
      'You can approve this mailbox: it is your own user mailbox and you meet every condition for approving your own mailbox.',
    );
  });

  it('points to Test & Enable Mailbox when only the hidden command stands in the way', () => {
    const decision = explainApproval(actor({ privileges: { 'mailbox.write': 'user' } }), OWN_MAILBOX, context());
    expect(decision.summary).toBe(
      'You cannot approve this mailbox: without the Approve Email Addresses for Users or Queues privilege, the Approve Email command does not appear while RequirePrivilegeToSelfApproveEmailAddress is disabled. Select Test & Enable Mailbox instead: it approves the email address of your mailbox as part of the run.',
    );
  });

  it('still mentions Test & Enable Mailbox, conditionally, when other conditions fail too', () => {
    const decision = explainApproval(actor(), OWN_MAILBOX, context());
    expect(outcomes(decision)).toMatchObject({ mailboxWritePrivilege: 'failed', approveEmailCommandShown: 'failed' });
    expect(messageOf(decision, 'approveEmailCommandShown')).toContain(
      'Test & Enable Mailbox approves the email address of your own mailbox as part of the run if the other conditions for approving your own mailbox hold.',
    );
  });

  it('marks the command rule not applicable when the setting is enabled, since the setting rule already needs the privilege', () => {
    const decision = explainApproval(actor({ privileges: { 'mailbox.write': 'user' } }), OWN_MAILBOX, context({ requirePrivilegeToSelfApproveEmailAddress: true }));
    expect(outcomes(decision)).toMatchObject({ selfApprovalPrivilegeSetting: 'failed', approveEmailCommandShown: 'notApplicable' });
  });

  it('on someone else’s mailbox, explains the admin path in the summary', () => {
    const decision = explainApproval(SELF_APPROVER, mailbox(), context());
    expect(decision.summary).toBe(
      'You cannot approve this mailbox: you hold the Approve Email Addresses for Users or Queues privilege at User level only, which reaches only mailboxes you own, and this mailbox is owned by someone else. Business Unit or Organization level is needed to approve it.',
    );
  });
});

describe('explainTestAndEnableSelfApproval', () => {
  it.each(SELF_APPROVAL_CASES)('$name', ({ actor, mailbox, context, failing, testAndEnableApproves }) => {
    const decision = explainTestAndEnableSelfApproval(actor, mailbox, context);
    expect(decision.checks.map((check) => check.rule)).toEqual(['upnMatchesEmailAddress', 'selfApprovalPrivilegeSetting', 'mailboxWritePrivilege', 'notQueueMailbox']);
    expect(decision.checks.every((check) => check.path === 'selfApproval')).toBe(true);
    expect(decision.allowed).toBe(testAndEnableApproves);
    expect(decision.via).toBe(testAndEnableApproves ? 'selfApproval' : null);
    const failed = decision.checks.filter((check) => check.outcome === 'failed').map((check) => check.rule);
    expect(failed).toEqual(testAndEnableApproves ? [] : [failing]);
  });

  it.each<[string, Actor, ApprovalContext, string]>([
    [
      'allowed',
      actor({ privileges: { 'mailbox.write': 'user' } }),
      context(),
      'Test & Enable Mailbox will approve the email address of this mailbox as part of the run: it is your own user mailbox and you meet every condition for approving your own mailbox.',
    ],
    [
      'denied',
      actor({ privileges: { 'mailbox.write': 'user' } }),
      context({ requirePrivilegeToSelfApproveEmailAddress: true }),
      'Test & Enable Mailbox will not approve the email address of this mailbox: RequirePrivilegeToSelfApproveEmailAddress is enabled, so approving your own mailbox needs the Approve Email Addresses for Users or Queues privilege, which you do not hold.',
    ],
  ])('summarizes when %s', (_name, who, approvalContext, summary) => {
    expect(explainTestAndEnableSelfApproval(who, OWN_MAILBOX, approvalContext).summary).toBe(summary);
  });
});

// ——— Approving as an admin: the privilege's depth ———

describe('explainApproval: the Approve Email Addresses for Users or Queues privilege', () => {
  const GLOBAL_AND_SYSTEM_ADMIN = { tenantRoles: ['globalAdmin'] as TenantRole[], securityRoles: [BUILT_IN_ROLE_NAMES.systemAdministrator] };

  it.each<[string, PrivilegeDepth | undefined, string, ApprovalRuleOutcome, string]>([
    ['none', undefined, ME, 'failed', 'You do not hold the Approve Email Addresses for Users or Queues privilege. A system admin can add it to one of your security roles.'],
    ['User depth, own mailbox', 'user', ME, 'passed', 'You hold the Approve Email Addresses for Users or Queues privilege at User level, which reaches this mailbox because you own it.'],
    ['User depth, someone else’s mailbox', 'user', SOMEONE_ELSE, 'failed', 'You hold the Approve Email Addresses for Users or Queues privilege at User level only, which reaches only mailboxes you own, and this mailbox is owned by someone else. Business Unit or Organization level is needed to approve it.'],
    ['Business Unit depth', 'businessUnit', SOMEONE_ELSE, 'passed', 'You hold the Approve Email Addresses for Users or Queues privilege at Business Unit level, which reaches every mailbox in this environment.'],
    ['Organization depth', 'organization', SOMEONE_ELSE, 'passed', 'You hold the Approve Email Addresses for Users or Queues privilege at Organization level, which reaches every mailbox in this environment.'],
  ])('%s', (_name, depth, ownerId, outcome, message) => {
    const privileges: PrivilegeSet = depth ? { approveEmailAddresses: depth } : {};
    const decision = explainApproval(actor({ ...GLOBAL_AND_SYSTEM_ADMIN, privileges }), mailbox({ ownerId }), context());
    expect(outcomes(decision).approvePrivilege).toBe(outcome);
    expect(messageOf(decision, 'approvePrivilege')).toBe(message);
    // Global admin and System admin may approve with Exchange Online: the privilege alone decides here.
    expect(outcomes(decision).permissionModel).toBe('passed');
    expect(decision.allowed).toBe(outcome === 'passed');
    expect(decision.via).toBe(outcome === 'passed' ? 'permissionModel' : null);
  });
});

// ——— Approving as an admin: the permissions model, per demo persona ———

const PERSONAS = {
  'Global admin + System admin': { tenantRoles: ['globalAdmin'], securityRoles: [BUILT_IN_ROLE_NAMES.systemAdministrator] },
  'Exchange admin + System admin': { tenantRoles: ['exchangeAdmin'], securityRoles: [BUILT_IN_ROLE_NAMES.systemAdministrator] },
  'Delegated Mailbox Approver + System admin': {
    tenantRoles: [],
    securityRoles: [BUILT_IN_ROLE_NAMES.delegatedMailboxApprover, BUILT_IN_ROLE_NAMES.systemAdministrator],
  },
  'System admin alone': { tenantRoles: [], securityRoles: [BUILT_IN_ROLE_NAMES.systemAdministrator] },
  'Service admin alone': { tenantRoles: [], securityRoles: [BUILT_IN_ROLE_NAMES.serviceAdministrator] },
  'Exchange admin alone': { tenantRoles: ['exchangeAdmin'], securityRoles: [] },
  'Global admin alone': { tenantRoles: ['globalAdmin'], securityRoles: [] },
} satisfies Record<string, Pick<Actor, 'tenantRoles' | 'securityRoles'>>;
type Persona = keyof typeof PERSONAS;

function persona(name: Persona, hasApprovePrivilege: boolean): Actor {
  const { tenantRoles, securityRoles } = PERSONAS[name];
  return actor({ tenantRoles: [...tenantRoles], securityRoles: [...securityRoles], privileges: hasApprovePrivilege ? { approveEmailAddresses: 'organization' } : {} });
}

/** Persona, CE deployment, mailbox profile type, the column that allows approval (null: the model denies), footnote. */
const PERSONA_CASES: [Persona, CustomerEngagementDeployment, ServerType, ApproverRoleCombination | null, (1 | 2)?][] = [
  ['Global admin + System admin', 'online', 'exchangeOnline', 'globalAdminAndSystemAdmin'],
  ['Global admin + System admin', 'online', 'exchangeServer', 'systemAdmin', 2],
  ['Global admin + System admin', 'onPremises', 'exchangeOnline', 'systemAdmin', 2],
  ['Global admin + System admin', 'onPremises', 'exchangeServer', 'systemAdmin', 2],
  ['Exchange admin + System admin', 'online', 'exchangeOnline', 'exchangeAdminAndSystemAdmin'],
  ['Exchange admin + System admin', 'online', 'exchangeServer', 'systemAdmin', 2],
  ['Exchange admin + System admin', 'onPremises', 'exchangeOnline', 'systemAdmin', 2],
  ['Exchange admin + System admin', 'onPremises', 'exchangeServer', 'systemAdmin', 2],
  ['Delegated Mailbox Approver + System admin', 'online', 'exchangeOnline', 'delegatedMailboxApproverAndSystemAdmin', 1],
  ['Delegated Mailbox Approver + System admin', 'online', 'exchangeServer', 'systemAdmin', 2],
  ['Delegated Mailbox Approver + System admin', 'onPremises', 'exchangeOnline', 'systemAdmin', 2],
  ['Delegated Mailbox Approver + System admin', 'onPremises', 'exchangeServer', 'systemAdmin', 2],
  ['System admin alone', 'online', 'exchangeOnline', null],
  ['System admin alone', 'online', 'exchangeServer', 'systemAdmin', 2],
  ['System admin alone', 'onPremises', 'exchangeOnline', 'systemAdmin', 2],
  ['System admin alone', 'onPremises', 'exchangeServer', 'systemAdmin', 2],
  ['Service admin alone', 'online', 'exchangeOnline', null],
  ['Service admin alone', 'online', 'exchangeServer', null],
  ['Service admin alone', 'onPremises', 'exchangeOnline', null],
  ['Service admin alone', 'onPremises', 'exchangeServer', null],
  ['Exchange admin alone', 'online', 'exchangeOnline', null],
  ['Exchange admin alone', 'online', 'exchangeServer', null],
  ['Exchange admin alone', 'onPremises', 'exchangeOnline', null],
  ['Exchange admin alone', 'onPremises', 'exchangeServer', null],
  ['Global admin alone', 'online', 'exchangeOnline', null],
  ['Global admin alone', 'online', 'exchangeServer', null],
  ['Global admin alone', 'onPremises', 'exchangeOnline', null],
  ['Global admin alone', 'onPremises', 'exchangeServer', null],
];

describe('explainApproval: the permissions model for each demo persona', () => {
  const cases = PERSONA_CASES.flatMap(([name, customerEngagement, serverType, deciding, footnote]) =>
    [true, false].map((hasApprovePrivilege) => [name, customerEngagement, serverType, hasApprovePrivilege, deciding, footnote] as const),
  );

  it.each(cases)('%s, CE %s, %s profile, with the privilege: %s', (name, customerEngagement, serverType, hasApprovePrivilege, deciding, footnote) => {
    const decision = explainApproval(persona(name, hasApprovePrivilege), mailbox({ serverType }), context({ customerEngagement }));
    const isModelYes = deciding !== null;
    expect(outcomes(decision).permissionModel).toBe(isModelYes ? 'passed' : 'failed');
    expect(outcomes(decision).approvePrivilege).toBe(hasApprovePrivilege ? 'passed' : 'failed');
    expect(decision.allowed).toBe(isModelYes && hasApprovePrivilege);
    expect(decision.via).toBe(isModelYes && hasApprovePrivilege ? 'permissionModel' : null);
    const message = messageOf(decision, 'permissionModel');
    for (const n of [1, 2] as const) expect(message.includes(APPROVAL_PERMISSION_FOOTNOTES[n])).toBe(footnote === n);
  });

  it.each<[Persona, CustomerEngagementDeployment, ServerType, string]>([
    [
      'System admin alone',
      'online',
      'exchangeOnline',
      `Customer engagement apps (online) with Exchange Online: System admin alone cannot approve. ${NEEDS_ONLINE}`,
    ],
    [
      'Global admin alone',
      'online',
      'exchangeOnline',
      `Customer engagement apps (online) with Exchange Online: Global admin alone cannot approve. ${NEEDS_ONLINE}`,
    ],
    [
      'Service admin alone',
      'online',
      'exchangeServer',
      'Customer engagement apps (online) with Exchange (on-premises): Service admin alone cannot approve. Needs System admin.',
    ],
    [
      'Exchange admin alone',
      'online',
      'exchangeServer',
      'Customer engagement apps (online) with Exchange (on-premises): Exchange admin alone cannot approve (the permissions model marks this n/a: not applicable). Needs System admin.',
    ],
    [
      'Service admin alone',
      'onPremises',
      'exchangeOnline',
      'Customer Engagement (on-premises) with Exchange Online: Service admin alone cannot approve (the permissions model marks this n/a: not applicable). Needs System admin.',
    ],
    [
      'Delegated Mailbox Approver + System admin',
      'online',
      'exchangeOnline',
      `Customer engagement apps (online) with Exchange Online: Delegated Mailbox Approver and System admin may approve, and you hold both roles. Note: ${APPROVAL_PERMISSION_FOOTNOTES[1]}`,
    ],
    [
      'Global admin + System admin',
      'onPremises',
      'exchangeServer',
      `Customer Engagement (on-premises) with Exchange (on-premises): System admin may approve, and you hold that role. Note: ${APPROVAL_PERMISSION_FOOTNOTES[2]}`,
    ],
  ])('%s, CE %s, %s profile: explains the model in the article’s words', (name, customerEngagement, serverType, message) => {
    const decision = explainApproval(persona(name, true), mailbox({ serverType }), context({ customerEngagement }));
    expect(messageOf(decision, 'permissionModel')).toBe(message);
  });

  it('names every role held when several are held', () => {
    const who = actor({ tenantRoles: ['globalAdmin', 'exchangeAdmin'], securityRoles: [BUILT_IN_ROLE_NAMES.serviceAdministrator] });
    expect(messageOf(explainApproval(who, mailbox(), context()), 'permissionModel')).toBe(
      `Customer engagement apps (online) with Exchange Online: Global admin, Exchange admin and Service admin cannot approve. ${NEEDS_ONLINE}`,
    );
  });

  it('says when no role of the model is held', () => {
    expect(messageOf(explainApproval(actor(), mailbox(), context()), 'permissionModel')).toBe(
      `Customer engagement apps (online) with Exchange Online: you hold none of the roles of the permissions model, so you cannot approve. ${NEEDS_ONLINE}`,
    );
  });

  it.each<[Persona, string]>([
    ['Delegated Mailbox Approver + System admin', 'You can approve this mailbox: Delegated Mailbox Approver and System admin may approve Exchange Online mailboxes.'],
    ['System admin alone', `You cannot approve this mailbox: Customer engagement apps (online) with Exchange Online: System admin alone cannot approve. ${NEEDS_ONLINE}`],
  ])('summarizes %s on an Exchange Online mailbox in CE online', (name, summary) => {
    expect(explainApproval(persona(name, true), mailbox(), context()).summary).toBe(summary);
  });
});

// ——— A mailbox without an email server profile ———

describe('explainApproval: a mailbox without an email server profile', () => {
  const SET_PROFILE = 'Set an email server profile on the mailbox, for example with Apply Default Email Settings.';

  it.each<[Persona, CustomerEngagementDeployment, ApprovalRuleOutcome, string]>([
    // CE online: both Exchange rows allow these, so the missing profile does not matter.
    [
      'Global admin + System admin',
      'online',
      'passed',
      `Customer engagement apps (online): this mailbox has no email server profile, which does not matter here because Global admin and System admin may approve Exchange Online mailboxes and System admin may approve Exchange (on-premises) mailboxes, and you hold those roles. Note: ${APPROVAL_PERMISSION_FOOTNOTES[2]}`,
    ],
    [
      'Exchange admin + System admin',
      'online',
      'passed',
      `Customer engagement apps (online): this mailbox has no email server profile, which does not matter here because Exchange admin and System admin may approve Exchange Online mailboxes and System admin may approve Exchange (on-premises) mailboxes, and you hold those roles. Note: ${APPROVAL_PERMISSION_FOOTNOTES[2]}`,
    ],
    [
      'Delegated Mailbox Approver + System admin',
      'online',
      'passed',
      `Customer engagement apps (online): this mailbox has no email server profile, which does not matter here because Delegated Mailbox Approver and System admin may approve Exchange Online mailboxes and System admin may approve Exchange (on-premises) mailboxes, and you hold those roles. Note: ${APPROVAL_PERMISSION_FOOTNOTES[1]} Note: ${APPROVAL_PERMISSION_FOOTNOTES[2]}`,
    ],
    // CE online, System admin alone: Exchange Online says No, Exchange (on-premises) says Yes: the profile decides.
    [
      'System admin alone',
      'online',
      'failed',
      `This mailbox has no email server profile, so the permissions model cannot tell whether it uses Exchange Online or Exchange (on-premises): in Customer engagement apps (online), System admin may approve Exchange (on-premises) mailboxes, but System admin alone cannot approve Exchange Online mailboxes. ${SET_PROFILE}`,
    ],
    // CE online: both rows deny these, so the answer is No either way.
    [
      'Service admin alone',
      'online',
      'failed',
      'Customer engagement apps (online), whichever Exchange this mailbox uses (it has no email server profile): Service admin alone cannot approve. With Exchange Online it needs Global admin and System admin, Exchange admin and System admin, or Delegated Mailbox Approver and System admin; with Exchange (on-premises) it needs System admin.',
    ],
    [
      'Global admin alone',
      'online',
      'failed',
      'Customer engagement apps (online), whichever Exchange this mailbox uses (it has no email server profile): Global admin alone cannot approve. With Exchange Online it needs Global admin and System admin, Exchange admin and System admin, or Delegated Mailbox Approver and System admin; with Exchange (on-premises) it needs System admin.',
    ],
    // CE on-premises: both rows are the same, so the profile never matters.
    [
      'System admin alone',
      'onPremises',
      'passed',
      `Customer Engagement (on-premises): this mailbox has no email server profile, which does not matter here because System admin may approve Exchange Online and Exchange (on-premises) mailboxes, and you hold those roles. Note: ${APPROVAL_PERMISSION_FOOTNOTES[2]}`,
    ],
    [
      'Global admin + System admin',
      'onPremises',
      'passed',
      `Customer Engagement (on-premises): this mailbox has no email server profile, which does not matter here because System admin may approve Exchange Online and Exchange (on-premises) mailboxes, and you hold those roles. Note: ${APPROVAL_PERMISSION_FOOTNOTES[2]}`,
    ],
    [
      'Exchange admin alone',
      'onPremises',
      'failed',
      'Customer Engagement (on-premises), whichever Exchange this mailbox uses (it has no email server profile): Exchange admin alone cannot approve. Needs System admin.',
    ],
  ])('%s in CE %s → %s', (name, customerEngagement, outcome, message) => {
    const decision = explainApproval(persona(name, true), mailbox({ serverType: null }), context({ customerEngagement }));
    expect(outcomes(decision).permissionModel).toBe(outcome);
    expect(messageOf(decision, 'permissionModel')).toBe(message);
    expect(decision.allowed).toBe(outcome === 'passed');
  });

  it('summarizes an allowed approval whatever the Exchange', () => {
    const decision = explainApproval(persona('System admin alone', true), mailbox({ serverType: null }), context({ customerEngagement: 'onPremises' }));
    expect(decision.summary).toBe('You can approve this mailbox: System admin may approve Exchange Online and Exchange (on-premises) mailboxes.');
  });
});

// ——— Every decision shows every rule ———

describe('every decision lists every check', () => {
  const decisions: [string, ApprovalDecision][] = [
    ...PERSONA_CASES.flatMap(([name, customerEngagement, serverType]) =>
      [true, false].map((privilege): [string, ApprovalDecision] => [
        `${name}, CE ${customerEngagement}, ${serverType}, privilege ${privilege}`,
        explainApproval(persona(name, privilege), mailbox({ serverType }), context({ customerEngagement })),
      ]),
    ),
    ...(['online', 'onPremises'] as const).map((customerEngagement): [string, ApprovalDecision] => [
      `no profile, CE ${customerEngagement}`,
      explainApproval(persona('System admin alone', true), mailbox({ serverType: null }), context({ customerEngagement })),
    ]),
    ...SELF_APPROVAL_CASES.map((c): [string, ApprovalDecision] => [`self-approval: ${c.name}`, explainApproval(c.actor, c.mailbox, c.context)]),
  ];

  it.each(decisions)('%s', (_name, decision) => {
    expect(decision.checks.map((check) => [check.rule, check.path])).toEqual([
      ['approvePrivilege', 'permissionModel'],
      ['permissionModel', 'permissionModel'],
      ['upnMatchesEmailAddress', 'selfApproval'],
      ['selfApprovalPrivilegeSetting', 'selfApproval'],
      ['mailboxWritePrivilege', 'selfApproval'],
      ['notQueueMailbox', 'selfApproval'],
      ['approveEmailCommandShown', 'selfApproval'],
    ]);
    expect(decision.checks.map((check) => check.rule)).toEqual([...APPROVAL_RULES]);
    for (const check of decision.checks) expect(check.message).toMatch(/^[A-Z].*\.$/);
    expect(decision.summary).toMatch(/^You can(not)? approve this mailbox: .*\.$/);
  });
});

describe('every sentence of a decision is named by its code (decision 58)', () => {
  // Every input the rules read, crossed: roles, deployments, Exchange (or none), privileges, whose mailbox, the setting.
  const tenantRoleSets: TenantRole[][] = [[], ['globalAdmin'], ['exchangeAdmin'], ['globalAdmin', 'exchangeAdmin']];
  const securityRoleNames = [BUILT_IN_ROLE_NAMES.systemAdministrator, BUILT_IN_ROLE_NAMES.serviceAdministrator, BUILT_IN_ROLE_NAMES.delegatedMailboxApprover];
  const securityRoleSets = securityRoleNames.reduce<string[][]>((sets, role) => [...sets, ...sets.map((set) => [...set, role])], [[]]);
  const roleSets = tenantRoleSets.flatMap((tenantRoles) => securityRoleSets.map((securityRoles) => ({ tenantRoles, securityRoles })));
  const depths: (PrivilegeDepth | undefined)[] = [undefined, 'user', 'organization'];
  const mailboxes = [mailbox(), OWN_MAILBOX, { ...OWN_MAILBOX, type: 'queue' as const }];
  const decisions: ApprovalDecision[] = [];
  for (const roles of roleSets) for (const customerEngagement of ['online', 'onPremises'] as const)
    for (const serverType of ['exchangeOnline', 'exchangeServer', null] as const) for (const approve of depths) for (const write of depths.slice(0, 2))
      for (const target of mailboxes) for (const requirePrivilegeToSelfApproveEmailAddress of [false, true]) {
        const privileges: PrivilegeSet = { ...(approve ? { approveEmailAddresses: approve } : {}), ...(write ? { 'mailbox.write': write } : {}) };
        const who = actor({ ...roles, privileges });
        const where = context({ customerEngagement, requirePrivilegeToSelfApproveEmailAddress });
        decisions.push(explainApproval(who, { ...target, serverType }, where), explainTestAndEnableSelfApproval(who, { ...target, serverType }, where));
      }

  it('fills each code\'s English sentence with exactly its params, and says every sentence of the table', () => {
    // Thousands of decisions say a few hundred distinct sentences: each is checked once.
    const sentences = new Map<string, [string, CodedSentence]>();
    for (const decision of decisions) {
      for (const pair of [[decision.summary, decision.summarySentence], ...decision.checks.map((c) => [c.message, c.sentence])] as [string, CodedSentence][]) {
        sentences.set(JSON.stringify(pair), pair);
      }
    }
    // A refusal names the check whose sentence is its reason.
    expect(decisions.filter((d) => !d.allowed && d.checks.find((c) => c.rule === d.reasonRule)?.outcome !== 'failed')).toEqual([]);
    const said = new Set<string>();
    for (const [english, { code, params }] of sentences.values()) {
      const template = APPROVAL_SENTENCES[code as ApprovalSentenceCode];
      expect(Object.keys(params ?? {}).sort(), code).toEqual(templatePlaceholders(template));
      expect(tableSentence(code, template, params).message, code).toBe(english);
      said.add(code);
    }
    expect(Object.keys(APPROVAL_SENTENCES).filter((code) => !said.has(code))).toEqual([]);
  });

  it('names every param that is a fixed label by its kind and keys, the English param being those labels joined', () => {
    const sentences = decisions.flatMap((d): ApprovalSentence[] => [d.summarySentence, ...d.checks.map((c) => c.sentence)]);
    const kinds = new Set<string>();
    const englishList = (items: string[], join: 'and' | 'or' | 'notes') =>
      join === 'notes' ? items.map((note) => ` Note: ${note}`).join('')
        : items.length <= 2 ? items.join(` ${join} `) : `${items.slice(0, -1).join(', ')}${join === 'or' ? ',' : ''} ${join} ${items.at(-1)}`;
    for (const { code, params, labels } of new Map(sentences.map((sentence) => [JSON.stringify(sentence), sentence])).values()) {
      for (const [name, { kind, keys, join }] of Object.entries(labels ?? {})) {
        const table: Record<string, string> = SENTENCE_LABEL_TABLES[kind];
        const english = keys.map((key) => table[key]);
        expect(english, `${code} ${name}`).not.toContain(undefined);
        if (join === undefined) expect(keys, `${code} ${name}`).toHaveLength(1);
        expect(params?.[name], `${code} ${name}`).toBe(join === undefined ? english[0] : englishList(english as string[], join));
        kinds.add(kind);
      }
    }
    // Every param that is a label carries it: no sentence says a role, privilege, depth or deployment as bare text.
    const labelled = new Set(Object.values(SENTENCE_LABEL_TABLES).flatMap((table) => Object.values(table)));
    labelled.add(` Note: ${APPROVAL_PERMISSION_FOOTNOTES[1]}`).add(` Note: ${APPROVAL_PERMISSION_FOOTNOTES[2]}`);
    const bare = sentences.flatMap(({ code, params, labels }) =>
      Object.entries(params ?? {}).filter(([name, value]) => labelled.has(String(value)) && !labels?.[name]).map(([name]) => `${code} ${name}`));
    expect([...new Set(bare)]).toEqual([]);
    expect([...kinds].sort()).toEqual(['approverRole', 'approverRoleCombination', 'customerEngagement', 'exchangeDeployment', 'permissionFootnote', 'privilege', 'privilegeDepth']);
  });
});
