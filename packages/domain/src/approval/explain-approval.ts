import type { Actor } from '../access/actor.ts';
import { canReachRecord, hasPrivilege } from '../access/privileges.ts';
import type { CustomerEngagementDeployment } from '../environments/environment.ts';
import type { ServerType } from '../server-profiles/server-profile.ts';
import { label, labelledSentence, labelledSentenceOf, labelList, type LabelledMessage, type LabelledSentence, type LabelParam } from '../shared/sentence-labels.ts';
import {
  APPROVAL_PERMISSION_TABLE,
  APPROVER_ROLE_COMBINATION_ROLES,
  approverRoleCombinationsHeld,
  approverRolesHeld,
  approvingCombinations,
  decidePermissionModel,
  EXCHANGE_DEPLOYMENT_LABELS,
  exchangeDeploymentOf,
  type ApproverRole,
  type ApproverRoleCombination,
  type ExchangeDeployment,
  type PermissionCell,
} from './approval-permission-table.ts';

/**
 * Why approval is allowed or not, rule by rule (seed 000, "Approve email"). Dynamics 365 just hides the
 * Approve Email button or skips the address, which admins read as approval "failing silently"; every
 * decision here lists all the rules of both ways to approve, with their outcome, in words an admin knows.
 */

export interface MailboxForApproval {
  id: string;
  name: string;
  type: 'user' | 'queue';
  emailAddress: string;
  ownerId: string;
  /** The type of the mailbox's email server profile; null when it has none. */
  serverType: ServerType | null;
}

export interface ApprovalContext {
  customerEngagement: CustomerEngagementDeployment;
  requirePrivilegeToSelfApproveEmailAddress: boolean;
}

/** The two ways to approve: as an admin the permissions model allows, or as the mailbox's own user. */
export type ApprovalPath = 'permissionModel' | 'selfApproval';

/** Every rule, in the order decisions list them: the permissions-model path first, then self-approval. */
export const APPROVAL_RULES = [
  'approvePrivilege',
  'permissionModel',
  'upnMatchesEmailAddress',
  'selfApprovalPrivilegeSetting',
  'mailboxWritePrivilege',
  'notQueueMailbox',
  'approveEmailCommandShown',
] as const;
export type ApprovalRule = (typeof APPROVAL_RULES)[number];

export const APPROVAL_RULE_LABELS: Record<ApprovalRule, string> = {
  approvePrivilege: 'Approve Email Addresses for Users or Queues privilege',
  permissionModel: 'Permissions model',
  upnMatchesEmailAddress: 'User Principal Name (UPN) matches the mailbox email address',
  selfApprovalPrivilegeSetting: 'RequirePrivilegeToSelfApproveEmailAddress',
  mailboxWritePrivilege: 'User-level Write privilege on the Mailbox table',
  notQueueMailbox: 'Not a queue mailbox',
  approveEmailCommandShown: 'Approve Email command shown',
};

export type ApprovalRuleOutcome = 'passed' | 'failed' | 'notApplicable';

/** An approval sentence by code: its params, and for those that are fixed labels what they name. */
export type ApprovalSentence = LabelledSentence;

export interface ApprovalCheck {
  rule: ApprovalRule;
  path: ApprovalPath;
  outcome: ApprovalRuleOutcome;
  /** A full sentence naming roles, privileges and settings as the seed does. */
  message: string;
  /** The sentence `message` says (APPROVAL_SENTENCES, decision 58), for a UI to say it in its own language. */
  sentence: ApprovalSentence;
}

export interface ApprovalDecision {
  allowed: boolean;
  /** The path that allows it, the permissions model first when both do; null when denied. */
  via: ApprovalPath | null;
  summary: string;
  /** The sentence `summary` says; a refusal's `reason` param is the sentence of the check `reasonRule` names. */
  summarySentence: ApprovalSentence;
  reasonRule?: ApprovalRule;
  checks: ApprovalCheck[];
}

const SELF_APPROVE_SETTING = 'RequirePrivilegeToSelfApproveEmailAddress';
const ONLINE = EXCHANGE_DEPLOYMENT_LABELS.exchangeOnline;
const ON_PREMISES = EXCHANGE_DEPLOYMENT_LABELS.exchangeOnPremises;
const APPLY_PROFILE_HINT = 'Set an email server profile on the mailbox, for example with Apply Default Email Settings.';
const NO_PROFILE_CANNOT_TELL = `This mailbox has no email server profile, so the permissions model cannot tell whether it uses ${ONLINE} or ${ON_PREMISES}: in {{deployment}}, {{combination}} may approve {{allowedExchange}} mailboxes, but`;
const NEEDS_PER_EXCHANGE = `With ${ONLINE} it needs {{needsOnline}}; with ${ON_PREMISES} it needs {{needsOnPremises}}.`;

/**
 * Every sentence a decision says, one per code (decision 58: one sentence, one set of params, never reused); the web
 * says them from `mailboxes:approvalSentence.<code>`, whose English is this table's (test/i18n-resources.test.ts).
 * Labels of roles, privileges, depths and deployments, and the permissions model's footnotes, are params in English,
 * as the seed says them, with `labels` naming them (and lists of them) for a UI to say in its language.
 */
export const APPROVAL_SENTENCES = {
  APPROVE_PRIVILEGE_NOT_HELD: 'You do not hold the {{privilege}} privilege. A system admin can add it to one of your security roles.',
  APPROVE_PRIVILEGE_OWN_MAILBOXES_ONLY: 'You hold the {{privilege}} privilege at User level only, which reaches only mailboxes you own, and this mailbox is owned by someone else. Business Unit or Organization level is needed to approve it.',
  APPROVE_PRIVILEGE_REACHES_OWN_MAILBOX: 'You hold the {{privilege}} privilege at {{depth}} level, which reaches this mailbox because you own it.',
  APPROVE_PRIVILEGE_REACHES_EVERY_MAILBOX: 'You hold the {{privilege}} privilege at {{depth}} level, which reaches every mailbox in this environment.',
  MODEL_ALLOWS_HELD_ROLE: '{{deployment}} with {{exchange}}: {{combination}} may approve, and you hold that role.{{notes}}',
  MODEL_ALLOWS_HELD_ROLES: '{{deployment}} with {{exchange}}: {{combination}} may approve, and you hold both roles.{{notes}}',
  MODEL_NO_ROLE: '{{deployment}} with {{exchange}}: you hold none of the roles of the permissions model, so you cannot approve. Needs {{needs}}.',
  MODEL_ROLE_ALONE_CANNOT: '{{deployment}} with {{exchange}}: {{role}} alone cannot approve. Needs {{needs}}.',
  MODEL_ROLES_CANNOT: '{{deployment}} with {{exchange}}: {{roles}} cannot approve. Needs {{needs}}.',
  MODEL_ROLE_ALONE_NOT_APPLICABLE: '{{deployment}} with {{exchange}}: {{role}} alone cannot approve (the permissions model marks this n/a: not applicable). Needs {{needs}}.',
  MODEL_ROLES_NOT_APPLICABLE: '{{deployment}} with {{exchange}}: {{roles}} cannot approve (the permissions model marks this n/a: not applicable). Needs {{needs}}.',
  MODEL_NO_PROFILE_ALLOWS: '{{deployment}}: this mailbox has no email server profile, which does not matter here because {{combination}} may approve {{exchanges}} mailboxes, and you hold those roles.{{notes}}',
  MODEL_NO_PROFILE_ALLOWS_PER_EXCHANGE: `{{deployment}}: this mailbox has no email server profile, which does not matter here because {{onlineCombination}} may approve ${ONLINE} mailboxes and {{onPremisesCombination}} may approve ${ON_PREMISES} mailboxes, and you hold those roles.{{notes}}`,
  MODEL_NO_PROFILE_NO_ROLE: '{{deployment}}, whichever Exchange this mailbox uses (it has no email server profile): you hold none of the roles of the permissions model, so you cannot approve. Needs {{needs}}.',
  MODEL_NO_PROFILE_ROLE_ALONE_CANNOT: '{{deployment}}, whichever Exchange this mailbox uses (it has no email server profile): {{role}} alone cannot approve. Needs {{needs}}.',
  MODEL_NO_PROFILE_ROLES_CANNOT: '{{deployment}}, whichever Exchange this mailbox uses (it has no email server profile): {{roles}} cannot approve. Needs {{needs}}.',
  MODEL_NO_PROFILE_NO_ROLE_PER_EXCHANGE: `{{deployment}}, whichever Exchange this mailbox uses (it has no email server profile): you hold none of the roles of the permissions model, so you cannot approve. ${NEEDS_PER_EXCHANGE}`,
  MODEL_NO_PROFILE_ROLE_ALONE_CANNOT_PER_EXCHANGE: `{{deployment}}, whichever Exchange this mailbox uses (it has no email server profile): {{role}} alone cannot approve. ${NEEDS_PER_EXCHANGE}`,
  MODEL_NO_PROFILE_ROLES_CANNOT_PER_EXCHANGE: `{{deployment}}, whichever Exchange this mailbox uses (it has no email server profile): {{roles}} cannot approve. ${NEEDS_PER_EXCHANGE}`,
  MODEL_NO_PROFILE_DECIDES_ROLE_ALONE: `${NO_PROFILE_CANNOT_TELL} {{role}} alone cannot approve {{deniedExchange}} mailboxes. ${APPLY_PROFILE_HINT}`,
  MODEL_NO_PROFILE_DECIDES_ROLES: `${NO_PROFILE_CANNOT_TELL} {{roles}} cannot approve {{deniedExchange}} mailboxes. ${APPLY_PROFILE_HINT}`,
  UPN_MATCHES: 'Your User Principal Name (UPN) {{email}} matches the email address in this mailbox record.',
  UPN_DOES_NOT_MATCH: 'Your User Principal Name (UPN) {{email}} does not match the email address in this mailbox record, so this is not your own mailbox.',
  SELF_APPROVE_SETTING_DISABLED: `${SELF_APPROVE_SETTING} is disabled (the default), so approving your own mailbox does not need the {{privilege}} privilege.`,
  SELF_APPROVE_SETTING_PRIVILEGE_HELD: `${SELF_APPROVE_SETTING} is enabled, and you hold the {{privilege}} privilege it requires.`,
  SELF_APPROVE_SETTING_PRIVILEGE_NOT_HELD: `${SELF_APPROVE_SETTING} is enabled, so approving your own mailbox needs the {{privilege}} privilege, which you do not hold.`,
  MAILBOX_WRITE_NOT_HELD: 'You need at least User-level Write privilege on the Mailbox table, and you hold none.',
  MAILBOX_WRITE_OWN_MAILBOXES_ONLY: 'You hold Write on the Mailbox table at User level, which reaches only mailboxes you own, and this mailbox is owned by someone else.',
  MAILBOX_WRITE_REACHES_MAILBOX: 'You hold Write on the Mailbox table at {{depth}} level, which reaches this mailbox.',
  QUEUE_MAILBOX: 'This is a queue mailbox: only user mailboxes can be approved by their own user.',
  USER_MAILBOX: 'This is a user mailbox, not a queue mailbox.',
  COMMAND_DECIDED_BY_SETTING: `${SELF_APPROVE_SETTING} is enabled, so the {{privilege}} privilege check above already decides whether you can approve your own mailbox.`,
  COMMAND_SHOWN: 'You hold the {{privilege}} privilege, so the Approve Email command appears for your own mailbox.',
  COMMAND_HIDDEN_USE_TEST_AND_ENABLE: `Without the {{privilege}} privilege, the Approve Email command does not appear while ${SELF_APPROVE_SETTING} is disabled. Select Test & Enable Mailbox instead: it approves the email address of your mailbox as part of the run.`,
  COMMAND_HIDDEN_TEST_AND_ENABLE_IF_OWN: `Without the {{privilege}} privilege, the Approve Email command does not appear while ${SELF_APPROVE_SETTING} is disabled. Test & Enable Mailbox approves the email address of your own mailbox as part of the run if the other conditions for approving your own mailbox hold.`,
  APPROVAL_ALLOWED_BY_MODEL: 'You can approve this mailbox: {{combination}} may approve {{exchanges}} mailboxes.',
  APPROVAL_ALLOWED_BY_MODEL_PER_EXCHANGE: `You can approve this mailbox: {{onlineCombination}} may approve ${ONLINE} mailboxes and {{onPremisesCombination}} may approve ${ON_PREMISES} mailboxes.`,
  APPROVAL_ALLOWED_AS_OWN_MAILBOX: 'You can approve this mailbox: it is your own user mailbox and you meet every condition for approving your own mailbox.',
  APPROVAL_DENIED: 'You cannot approve this mailbox: {{reason}}',
  TEST_AND_ENABLE_WILL_APPROVE: 'Test & Enable Mailbox will approve the email address of this mailbox as part of the run: it is your own user mailbox and you meet every condition for approving your own mailbox.',
  TEST_AND_ENABLE_WILL_NOT_APPROVE: 'Test & Enable Mailbox will not approve the email address of this mailbox: {{reason}}',
} as const;
export type ApprovalSentenceCode = keyof typeof APPROVAL_SENTENCES;

const APPROVE_PRIVILEGE = label('privilege', 'approveEmailAddresses');

const say = (code: ApprovalSentenceCode, params?: Record<string, string | number | LabelParam>): LabelledMessage =>
  labelledSentence(code, APPROVAL_SENTENCES[code], params);

function check(rule: ApprovalRule, path: ApprovalPath, outcome: ApprovalRuleOutcome, sentence: LabelledMessage): ApprovalCheck {
  return { rule, path, outcome, message: sentence.message, sentence: labelledSentenceOf(sentence) };
}

function passedOrFailed(isPassed: boolean): ApprovalRuleOutcome {
  return isPassed ? 'passed' : 'failed';
}

// ——— Path 'permissionModel' ———

function checkApprovePrivilege(actor: Actor, mailbox: MailboxForApproval): ApprovalCheck {
  const depth = actor.privileges.approveEmailAddresses;
  const path = 'permissionModel';
  const privilege = APPROVE_PRIVILEGE;
  if (!depth) return check('approvePrivilege', path, 'failed', say('APPROVE_PRIVILEGE_NOT_HELD', { privilege }));
  if (!canReachRecord(actor.privileges, 'approveEmailAddresses', actor.userId, mailbox.ownerId)) {
    return check('approvePrivilege', path, 'failed', say('APPROVE_PRIVILEGE_OWN_MAILBOXES_ONLY', { privilege }));
  }
  const reach = depth === 'user' ? 'APPROVE_PRIVILEGE_REACHES_OWN_MAILBOX' : 'APPROVE_PRIVILEGE_REACHES_EVERY_MAILBOX';
  return check('approvePrivilege', path, 'passed', say(reach, { privilege, depth: label('privilegeDepth', depth) }));
}

/** The permissions model's footnotes on the cells that decide, each said as a note after the sentence; '' for none. */
function footnoteNotes(cells: readonly (PermissionCell | null)[]): LabelParam | '' {
  const footnotes = [...new Set(cells.flatMap((cell) => (cell?.footnote ? [cell.footnote] : [])))];
  return footnotes.length === 0 ? '' : labelList('permissionFootnote', footnotes, 'notes');
}

/**
 * Which of the three refusals a sentence says: none of the model's roles, one role alone, or several (and-listed);
 * each sentence of a refusal comes in these three forms, so the code is the sentence's family plus the form.
 */
function heldRoles(roles: readonly ApproverRole[]): { form: 'NO_ROLE' | 'ROLE_ALONE' | 'ROLES'; params: Record<string, LabelParam> } {
  const [only, ...others] = roles;
  if (only === undefined) return { form: 'NO_ROLE', params: {} };
  return others.length === 0 ? { form: 'ROLE_ALONE', params: { role: label('approverRole', only) } } : { form: 'ROLES', params: { roles: labelList('approverRole', roles, 'and') } };
}

function needsPhrase(customerEngagement: CustomerEngagementDeployment, exchange: ExchangeDeployment): LabelParam {
  return labelList('approverRoleCombination', approvingCombinations(customerEngagement, exchange), 'or');
}

interface PermissionModelEvaluation {
  check: ApprovalCheck;
  /** The summary when approval is allowed, e.g. "…: System admin may approve Exchange Online mailboxes". */
  allowedSummary: LabelledMessage | null;
}

function evaluateKnownExchange(
  customerEngagement: CustomerEngagementDeployment,
  exchange: ExchangeDeployment,
  held: readonly ApproverRoleCombination[],
  roles: readonly ApproverRole[],
): PermissionModelEvaluation {
  const where = { deployment: label('customerEngagement', customerEngagement), exchange: label('exchangeDeployment', exchange) };
  const decision = decidePermissionModel(customerEngagement, exchange, held);
  if (decision.allowed) {
    const combination = label('approverRoleCombination', decision.decidingCombination);
    const bothRoles = APPROVER_ROLE_COMBINATION_ROLES[decision.decidingCombination].length > 1;
    const sentence = say(bothRoles ? 'MODEL_ALLOWS_HELD_ROLES' : 'MODEL_ALLOWS_HELD_ROLE', { ...where, combination, notes: footnoteNotes([decision.decidingCell]) });
    return {
      check: check('permissionModel', 'permissionModel', 'passed', sentence),
      allowedSummary: say('APPROVAL_ALLOWED_BY_MODEL', { combination, exchanges: where.exchange }),
    };
  }
  const cells = APPROVAL_PERMISSION_TABLE[customerEngagement][exchange];
  const notApplicableOnly = held.length > 0 && held.every((combination) => cells[combination].verdict === 'notApplicable');
  const { form, params } = heldRoles(roles);
  const code = form === 'NO_ROLE' ? 'MODEL_NO_ROLE' : (`MODEL_${form}_${notApplicableOnly ? 'NOT_APPLICABLE' : 'CANNOT'}` as const);
  const sentence = say(code, { ...where, ...params, needs: needsPhrase(customerEngagement, exchange) });
  return { check: check('permissionModel', 'permissionModel', 'failed', sentence), allowedSummary: null };
}

/**
 * A mailbox without an email server profile has no known Exchange. When both Exchange rows agree for the
 * actor's roles (always so for Customer Engagement (on-premises)) the answer does not depend on it.
 */
function evaluateUnknownExchange(
  customerEngagement: CustomerEngagementDeployment,
  held: readonly ApproverRoleCombination[],
  roles: readonly ApproverRole[],
): PermissionModelEvaluation {
  const deployment = label('customerEngagement', customerEngagement);
  const online = decidePermissionModel(customerEngagement, 'exchangeOnline', held);
  const onPremises = decidePermissionModel(customerEngagement, 'exchangeOnPremises', held);

  if (online.allowed && onPremises.allowed) {
    const notes = footnoteNotes([online.decidingCell, onPremises.decidingCell]);
    const onlineCombination = label('approverRoleCombination', online.decidingCombination);
    const onPremisesCombination = label('approverRoleCombination', onPremises.decidingCombination);
    if (online.decidingCombination === onPremises.decidingCombination) {
      const grant = { combination: onlineCombination, exchanges: labelList('exchangeDeployment', ['exchangeOnline', 'exchangeOnPremises'], 'and') };
      return {
        check: check('permissionModel', 'permissionModel', 'passed', say('MODEL_NO_PROFILE_ALLOWS', { deployment, ...grant, notes })),
        allowedSummary: say('APPROVAL_ALLOWED_BY_MODEL', grant),
      };
    }
    const grant = { onlineCombination, onPremisesCombination };
    return {
      check: check('permissionModel', 'permissionModel', 'passed', say('MODEL_NO_PROFILE_ALLOWS_PER_EXCHANGE', { deployment, ...grant, notes })),
      allowedSummary: say('APPROVAL_ALLOWED_BY_MODEL_PER_EXCHANGE', grant),
    };
  }

  const { form, params } = heldRoles(roles);
  if (!online.allowed && !onPremises.allowed) {
    const needsOnline = needsPhrase(customerEngagement, 'exchangeOnline');
    const needsOnPremises = needsPhrase(customerEngagement, 'exchangeOnPremises');
    const refused = form === 'NO_ROLE' ? form : (`${form}_CANNOT` as const);
    const sentence = needsOnline.english === needsOnPremises.english
      ? say(`MODEL_NO_PROFILE_${refused}`, { deployment, ...params, needs: needsOnline })
      : say(`MODEL_NO_PROFILE_${refused}_PER_EXCHANGE`, { deployment, ...params, needsOnline, needsOnPremises });
    return { check: check('permissionModel', 'permissionModel', 'failed', sentence), allowedSummary: null };
  }

  // The rows disagree: the Exchange type decides, and only the mailbox's profile tells it.
  const [allowedExchange, allowing, deniedExchange] = online.allowed
    ? (['exchangeOnline', online, 'exchangeOnPremises'] as const)
    : (['exchangeOnPremises', onPremises, 'exchangeOnline'] as const);
  const combination = allowing.allowed ? label('approverRoleCombination', allowing.decidingCombination) : '';
  // One row allows, so some role of the model is held.
  const sentence = say(form === 'ROLES' ? 'MODEL_NO_PROFILE_DECIDES_ROLES' : 'MODEL_NO_PROFILE_DECIDES_ROLE_ALONE', {
    deployment, combination, allowedExchange: label('exchangeDeployment', allowedExchange), ...params, deniedExchange: label('exchangeDeployment', deniedExchange),
  });
  return { check: check('permissionModel', 'permissionModel', 'failed', sentence), allowedSummary: null };
}

function evaluatePermissionModel(actor: Actor, mailbox: MailboxForApproval, context: ApprovalContext): PermissionModelEvaluation {
  const held = approverRoleCombinationsHeld(actor);
  const roles = approverRolesHeld(actor);
  return mailbox.serverType === null
    ? evaluateUnknownExchange(context.customerEngagement, held, roles)
    : evaluateKnownExchange(context.customerEngagement, exchangeDeploymentOf(mailbox.serverType), held, roles);
}

// ——— Path 'selfApproval' (seed 000, "Approve your own user mailbox") ———

function comparableAddress(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * Messages name only the actor's own address, so one decision can stand for every mailbox that shares the
 * inputs the rules read (type, profile type, whether the actor owns it, whether the address is theirs).
 */
function checkUpnMatchesEmailAddress(actor: Actor, mailbox: MailboxForApproval): ApprovalCheck {
  const address = comparableAddress(mailbox.emailAddress);
  // An empty address is no one's: it must not match a user whose email is empty too.
  const isMatch = address !== '' && address === comparableAddress(actor.email);
  return check('upnMatchesEmailAddress', 'selfApproval', passedOrFailed(isMatch), say(isMatch ? 'UPN_MATCHES' : 'UPN_DOES_NOT_MATCH', { email: actor.email }));
}

function checkSelfApprovalPrivilegeSetting(actor: Actor, context: ApprovalContext): ApprovalCheck {
  const path = 'selfApproval';
  const privilege = APPROVE_PRIVILEGE;
  if (!context.requirePrivilegeToSelfApproveEmailAddress) {
    return check('selfApprovalPrivilegeSetting', path, 'passed', say('SELF_APPROVE_SETTING_DISABLED', { privilege }));
  }
  const isHeld = hasPrivilege(actor.privileges, 'approveEmailAddresses');
  const sentence = say(isHeld ? 'SELF_APPROVE_SETTING_PRIVILEGE_HELD' : 'SELF_APPROVE_SETTING_PRIVILEGE_NOT_HELD', { privilege });
  return check('selfApprovalPrivilegeSetting', path, passedOrFailed(isHeld), sentence);
}

function checkMailboxWritePrivilege(actor: Actor, mailbox: MailboxForApproval): ApprovalCheck {
  const depth = actor.privileges['mailbox.write'];
  const path = 'selfApproval';
  if (!depth) return check('mailboxWritePrivilege', path, 'failed', say('MAILBOX_WRITE_NOT_HELD'));
  if (!canReachRecord(actor.privileges, 'mailbox.write', actor.userId, mailbox.ownerId)) {
    return check('mailboxWritePrivilege', path, 'failed', say('MAILBOX_WRITE_OWN_MAILBOXES_ONLY'));
  }
  return check('mailboxWritePrivilege', path, 'passed', say('MAILBOX_WRITE_REACHES_MAILBOX', { depth: label('privilegeDepth', depth) }));
}

function checkNotQueueMailbox(mailbox: MailboxForApproval): ApprovalCheck {
  return mailbox.type === 'queue'
    ? check('notQueueMailbox', 'selfApproval', 'failed', say('QUEUE_MAILBOX'))
    : check('notQueueMailbox', 'selfApproval', 'passed', say('USER_MAILBOX'));
}

/** The four conditions of "Approve your own user mailbox", which Test & Enable Mailbox applies too. */
function selfApprovalConditions(actor: Actor, mailbox: MailboxForApproval, context: ApprovalContext): ApprovalCheck[] {
  return [
    checkUpnMatchesEmailAddress(actor, mailbox),
    checkSelfApprovalPrivilegeSetting(actor, context),
    checkMailboxWritePrivilege(actor, mailbox),
    checkNotQueueMailbox(mailbox),
  ];
}

/**
 * Seed 000: with the setting disabled and without the privilege, the Approve Email button does not appear,
 * yet Test & Enable Mailbox still approves one's own address. With the setting enabled, the setting's own
 * check already requires the privilege, so this rule adds nothing.
 */
function checkApproveEmailCommandShown(actor: Actor, context: ApprovalContext, conditions: readonly ApprovalCheck[]): ApprovalCheck {
  const path = 'selfApproval';
  const privilege = APPROVE_PRIVILEGE;
  if (context.requirePrivilegeToSelfApproveEmailAddress) {
    return check('approveEmailCommandShown', path, 'notApplicable', say('COMMAND_DECIDED_BY_SETTING', { privilege }));
  }
  if (hasPrivilege(actor.privileges, 'approveEmailAddresses')) {
    return check('approveEmailCommandShown', path, 'passed', say('COMMAND_SHOWN', { privilege }));
  }
  const hidden = isPathPassed(conditions) ? 'COMMAND_HIDDEN_USE_TEST_AND_ENABLE' : 'COMMAND_HIDDEN_TEST_AND_ENABLE_IF_OWN';
  return check('approveEmailCommandShown', path, 'failed', say(hidden, { privilege }));
}

// ——— Decisions ———

function isPathPassed(checks: readonly ApprovalCheck[]): boolean {
  return checks.every((item) => item.outcome !== 'failed');
}

/** Lets a check's sentence follow "…: " in a summary; names such as RequirePrivilege… keep their case. */
function continueSentence(message: string): string {
  return message.replace(/^(You|Your|This|Without)\b/, (word) => word.toLowerCase());
}

function decision(allowed: boolean, via: ApprovalPath | null, summary: LabelledMessage, checks: ApprovalCheck[], reason?: ApprovalCheck): ApprovalDecision {
  return { allowed, via, summary: summary.message, summarySentence: labelledSentenceOf(summary), ...(reason ? { reasonRule: reason.rule } : {}), checks };
}

/** A refusal's summary: its sentence with the deciding check's sentence as `reason`. */
function refusal(summary: 'APPROVAL_DENIED' | 'TEST_AND_ENABLE_WILL_NOT_APPROVE', checks: ApprovalCheck[], reason: ApprovalCheck | undefined): ApprovalDecision {
  return decision(false, null, say(summary, { reason: continueSentence(reason?.message ?? '') }), checks, reason);
}

/** The Approve Email command: may this actor approve this mailbox, and why (not)? */
export function explainApproval(actor: Actor, mailbox: MailboxForApproval, context: ApprovalContext): ApprovalDecision {
  const permissionModel = evaluatePermissionModel(actor, mailbox, context);
  const permissionChecks = [checkApprovePrivilege(actor, mailbox), permissionModel.check];
  const conditions = selfApprovalConditions(actor, mailbox, context);
  const selfChecks = [...conditions, checkApproveEmailCommandShown(actor, context, conditions)];
  const checks = [...permissionChecks, ...selfChecks];

  if (isPathPassed(permissionChecks) && permissionModel.allowedSummary) return decision(true, 'permissionModel', permissionModel.allowedSummary, checks);
  if (isPathPassed(selfChecks)) return decision(true, 'selfApproval', say('APPROVAL_ALLOWED_AS_OWN_MAILBOX'), checks);
  // On one's own mailbox the self-approval reason is the one the user can act on; elsewhere the admin one.
  // A queue whose address equals the user's UPN is still nobody's own mailbox: say exactly that.
  const isOwnMailbox = conditions[0]?.outcome === 'passed';
  const reason = isOwnMailbox
    ? selfChecks.find((item) => item.rule === 'notQueueMailbox' && item.outcome === 'failed') ?? selfChecks.find((item) => item.outcome === 'failed')
    : permissionChecks.find((item) => item.outcome === 'failed');
  return refusal('APPROVAL_DENIED', checks, reason);
}

/**
 * Seed 000: "If you don't have the Approve Email Addresses for Users or Queues privilege … the Approve Email
 * button does not appear" (with RequirePrivilegeToSelfApproveEmailAddress enabled the privilege is needed
 * anyway). Without it, Test & Enable Mailbox is how a user approves their own address.
 */
export function isApproveEmailCommandShown(actor: Pick<Actor, 'privileges'>): boolean {
  return hasPrivilege(actor.privileges, 'approveEmailAddresses');
}

/** Test & Enable Mailbox: will the run approve the mailbox's address as its own user's (no Approve Email command needed)? */
export function explainTestAndEnableSelfApproval(actor: Actor, mailbox: MailboxForApproval, context: ApprovalContext): ApprovalDecision {
  const checks = selfApprovalConditions(actor, mailbox, context);
  if (isPathPassed(checks)) return decision(true, 'selfApproval', say('TEST_AND_ENABLE_WILL_APPROVE'), checks);
  return refusal('TEST_AND_ENABLE_WILL_NOT_APPROVE', checks, checks.find((item) => item.outcome === 'failed'));
}
