import type { Actor } from '../access/actor.ts';
import { canReachRecord, hasPrivilege, PRIVILEGE_DEPTH_LABELS, PRIVILEGE_LABELS } from '../access/privileges.ts';
import { CUSTOMER_ENGAGEMENT_LABELS, type CustomerEngagementDeployment } from '../environments/environment.ts';
import type { ServerType } from '../server-profiles/server-profile.ts';
import {
  APPROVAL_PERMISSION_FOOTNOTES,
  APPROVAL_PERMISSION_TABLE,
  APPROVER_ROLE_COMBINATION_LABELS,
  APPROVER_ROLE_COMBINATION_ROLES,
  APPROVER_ROLE_LABELS,
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

export interface ApprovalCheck {
  rule: ApprovalRule;
  path: ApprovalPath;
  outcome: ApprovalRuleOutcome;
  /** A full sentence naming roles, privileges and settings as the seed does. */
  message: string;
}

export interface ApprovalDecision {
  allowed: boolean;
  /** The path that allows it, the permissions model first when both do; null when denied. */
  via: ApprovalPath | null;
  summary: string;
  checks: ApprovalCheck[];
}

const APPROVE_PRIVILEGE = PRIVILEGE_LABELS.approveEmailAddresses;
const SELF_APPROVE_SETTING = 'RequirePrivilegeToSelfApproveEmailAddress';
const APPLY_PROFILE_HINT = 'Set an email server profile on the mailbox, for example with Apply Default Email Settings.';

function check(rule: ApprovalRule, path: ApprovalPath, outcome: ApprovalRuleOutcome, message: string): ApprovalCheck {
  return { rule, path, outcome, message };
}

function passedOrFailed(isPassed: boolean): ApprovalRuleOutcome {
  return isPassed ? 'passed' : 'failed';
}

/** "a", "a or b", "a, b, or c": the seed's way of listing alternatives. */
function orList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' or ');
  return `${items.slice(0, -1).join(', ')}, or ${items.at(-1)}`;
}

function andList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

// ——— Path 'permissionModel' ———

function checkApprovePrivilege(actor: Actor, mailbox: MailboxForApproval): ApprovalCheck {
  const depth = actor.privileges.approveEmailAddresses;
  const path = 'permissionModel';
  if (!depth) {
    return check('approvePrivilege', path, 'failed', `You do not hold the ${APPROVE_PRIVILEGE} privilege. A system admin can add it to one of your security roles.`);
  }
  if (!canReachRecord(actor.privileges, 'approveEmailAddresses', actor.userId, mailbox.ownerId)) {
    return check(
      'approvePrivilege',
      path,
      'failed',
      `You hold the ${APPROVE_PRIVILEGE} privilege at User level only, which reaches only mailboxes you own, and this mailbox is owned by someone else. Business Unit or Organization level is needed to approve it.`,
    );
  }
  const reach = depth === 'user' ? 'which reaches this mailbox because you own it' : 'which reaches every mailbox in this environment';
  return check('approvePrivilege', path, 'passed', `You hold the ${APPROVE_PRIVILEGE} privilege at ${PRIVILEGE_DEPTH_LABELS[depth]} level, ${reach}.`);
}

function footnoteNotes(cells: readonly (PermissionCell | null)[]): string {
  const footnotes = [...new Set(cells.flatMap((cell) => (cell?.footnote ? [cell.footnote] : [])))];
  return footnotes.map((footnote) => ` Note: ${APPROVAL_PERMISSION_FOOTNOTES[footnote]}`).join('');
}

/** "System admin alone", "Global admin and Service admin": the table's roles the actor holds. */
function heldRolesPhrase(roles: readonly ApproverRole[]): string {
  const labels = roles.map((role) => APPROVER_ROLE_LABELS[role]);
  return labels.length === 1 ? `${labels[0]} alone` : andList(labels);
}

function cannotApprovePhrase(roles: readonly ApproverRole[]): string {
  return roles.length === 0 ? 'you hold none of the roles of the permissions model, so you cannot approve' : `${heldRolesPhrase(roles)} cannot approve`;
}

function needsPhrase(customerEngagement: CustomerEngagementDeployment, exchange: ExchangeDeployment): string {
  return orList(approvingCombinations(customerEngagement, exchange).map((combination) => APPROVER_ROLE_COMBINATION_LABELS[combination]));
}

function mayApprovePhrase(combination: ApproverRoleCombination, exchanges: readonly ExchangeDeployment[]): string {
  return `${APPROVER_ROLE_COMBINATION_LABELS[combination]} may approve ${andList(exchanges.map((exchange) => EXCHANGE_DEPLOYMENT_LABELS[exchange]))} mailboxes`;
}

function youHoldPhrase(combination: ApproverRoleCombination): string {
  return APPROVER_ROLE_COMBINATION_ROLES[combination].length > 1 ? 'you hold both roles' : 'you hold that role';
}

interface PermissionModelEvaluation {
  check: ApprovalCheck;
  /** For the summary when approval is allowed, e.g. "System admin may approve Exchange Online mailboxes". */
  allowedPhrase: string | null;
}

function evaluateKnownExchange(
  customerEngagement: CustomerEngagementDeployment,
  exchange: ExchangeDeployment,
  held: readonly ApproverRoleCombination[],
  roles: readonly ApproverRole[],
): PermissionModelEvaluation {
  const where = `${CUSTOMER_ENGAGEMENT_LABELS[customerEngagement]} with ${EXCHANGE_DEPLOYMENT_LABELS[exchange]}`;
  const decision = decidePermissionModel(customerEngagement, exchange, held);
  if (decision.allowed) {
    const combination = decision.decidingCombination;
    const message = `${where}: ${APPROVER_ROLE_COMBINATION_LABELS[combination]} may approve, and ${youHoldPhrase(combination)}.${footnoteNotes([decision.decidingCell])}`;
    return { check: check('permissionModel', 'permissionModel', 'passed', message), allowedPhrase: mayApprovePhrase(combination, [exchange]) };
  }
  const cells = APPROVAL_PERMISSION_TABLE[customerEngagement][exchange];
  const notApplicableOnly = held.length > 0 && held.every((combination) => cells[combination].verdict === 'notApplicable');
  const marked = notApplicableOnly ? ' (the permissions model marks this n/a: not applicable)' : '';
  const message = `${where}: ${cannotApprovePhrase(roles)}${marked}. Needs ${needsPhrase(customerEngagement, exchange)}.`;
  return { check: check('permissionModel', 'permissionModel', 'failed', message), allowedPhrase: null };
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
  const customerEngagementLabel = CUSTOMER_ENGAGEMENT_LABELS[customerEngagement];
  const online = decidePermissionModel(customerEngagement, 'exchangeOnline', held);
  const onPremises = decidePermissionModel(customerEngagement, 'exchangeOnPremises', held);

  if (online.allowed && onPremises.allowed) {
    const allowedPhrase =
      online.decidingCombination === onPremises.decidingCombination
        ? mayApprovePhrase(online.decidingCombination, ['exchangeOnline', 'exchangeOnPremises'])
        : `${mayApprovePhrase(online.decidingCombination, ['exchangeOnline'])} and ${mayApprovePhrase(onPremises.decidingCombination, ['exchangeOnPremises'])}`;
    const message = `${customerEngagementLabel}: this mailbox has no email server profile, which does not matter here because ${allowedPhrase}, and you hold those roles.${footnoteNotes([online.decidingCell, onPremises.decidingCell])}`;
    return { check: check('permissionModel', 'permissionModel', 'passed', message), allowedPhrase };
  }

  if (!online.allowed && !onPremises.allowed) {
    const needsOnline = needsPhrase(customerEngagement, 'exchangeOnline');
    const needsOnPremises = needsPhrase(customerEngagement, 'exchangeOnPremises');
    const needs =
      needsOnline === needsOnPremises
        ? `Needs ${needsOnline}.`
        : `With ${EXCHANGE_DEPLOYMENT_LABELS.exchangeOnline} it needs ${needsOnline}; with ${EXCHANGE_DEPLOYMENT_LABELS.exchangeOnPremises} it needs ${needsOnPremises}.`;
    const message = `${customerEngagementLabel}, whichever Exchange this mailbox uses (it has no email server profile): ${cannotApprovePhrase(roles)}. ${needs}`;
    return { check: check('permissionModel', 'permissionModel', 'failed', message), allowedPhrase: null };
  }

  // The rows disagree: the Exchange type decides, and only the mailbox's profile tells it.
  const [allowedExchange, allowing, deniedExchange] = online.allowed
    ? (['exchangeOnline', online, 'exchangeOnPremises'] as const)
    : (['exchangeOnPremises', onPremises, 'exchangeOnline'] as const);
  const mayApprove = allowing.allowed ? mayApprovePhrase(allowing.decidingCombination, [allowedExchange]) : '';
  const message =
    `This mailbox has no email server profile, so the permissions model cannot tell whether it uses ${EXCHANGE_DEPLOYMENT_LABELS.exchangeOnline} or ${EXCHANGE_DEPLOYMENT_LABELS.exchangeOnPremises}: ` +
    `in ${customerEngagementLabel}, ${mayApprove}, but ${cannotApprovePhrase(roles)} ${EXCHANGE_DEPLOYMENT_LABELS[deniedExchange]} mailboxes. ${APPLY_PROFILE_HINT}`;
  return { check: check('permissionModel', 'permissionModel', 'failed', message), allowedPhrase: null };
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
  const message = isMatch
    ? `Your User Principal Name (UPN) ${actor.email} matches the email address in this mailbox record.`
    : `Your User Principal Name (UPN) ${actor.email} does not match the email address in this mailbox record, so this is not your own mailbox.`;
  return check('upnMatchesEmailAddress', 'selfApproval', passedOrFailed(isMatch), message);
}

function checkSelfApprovalPrivilegeSetting(actor: Actor, context: ApprovalContext): ApprovalCheck {
  const path = 'selfApproval';
  if (!context.requirePrivilegeToSelfApproveEmailAddress) {
    return check(
      'selfApprovalPrivilegeSetting',
      path,
      'passed',
      `${SELF_APPROVE_SETTING} is disabled (the default), so approving your own mailbox does not need the ${APPROVE_PRIVILEGE} privilege.`,
    );
  }
  const isHeld = hasPrivilege(actor.privileges, 'approveEmailAddresses');
  const message = isHeld
    ? `${SELF_APPROVE_SETTING} is enabled, and you hold the ${APPROVE_PRIVILEGE} privilege it requires.`
    : `${SELF_APPROVE_SETTING} is enabled, so approving your own mailbox needs the ${APPROVE_PRIVILEGE} privilege, which you do not hold.`;
  return check('selfApprovalPrivilegeSetting', path, passedOrFailed(isHeld), message);
}

function checkMailboxWritePrivilege(actor: Actor, mailbox: MailboxForApproval): ApprovalCheck {
  const depth = actor.privileges['mailbox.write'];
  const path = 'selfApproval';
  if (!depth) {
    return check('mailboxWritePrivilege', path, 'failed', 'You need at least User-level Write privilege on the Mailbox table, and you hold none.');
  }
  if (!canReachRecord(actor.privileges, 'mailbox.write', actor.userId, mailbox.ownerId)) {
    return check(
      'mailboxWritePrivilege',
      path,
      'failed',
      'You hold Write on the Mailbox table at User level, which reaches only mailboxes you own, and this mailbox is owned by someone else.',
    );
  }
  return check('mailboxWritePrivilege', path, 'passed', `You hold Write on the Mailbox table at ${PRIVILEGE_DEPTH_LABELS[depth]} level, which reaches this mailbox.`);
}

function checkNotQueueMailbox(mailbox: MailboxForApproval): ApprovalCheck {
  return mailbox.type === 'queue'
    ? check('notQueueMailbox', 'selfApproval', 'failed', 'This is a queue mailbox: only user mailboxes can be approved by their own user.')
    : check('notQueueMailbox', 'selfApproval', 'passed', 'This is a user mailbox, not a queue mailbox.');
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
  if (context.requirePrivilegeToSelfApproveEmailAddress) {
    return check(
      'approveEmailCommandShown',
      path,
      'notApplicable',
      `${SELF_APPROVE_SETTING} is enabled, so the ${APPROVE_PRIVILEGE} privilege check above already decides whether you can approve your own mailbox.`,
    );
  }
  if (hasPrivilege(actor.privileges, 'approveEmailAddresses')) {
    return check('approveEmailCommandShown', path, 'passed', `You hold the ${APPROVE_PRIVILEGE} privilege, so the Approve Email command appears for your own mailbox.`);
  }
  const testAndEnable = isPathPassed(conditions)
    ? 'Select Test & Enable Mailbox instead: it approves the email address of your mailbox as part of the run.'
    : 'Test & Enable Mailbox approves the email address of your own mailbox as part of the run if the other conditions for approving your own mailbox hold.';
  return check(
    'approveEmailCommandShown',
    path,
    'failed',
    `Without the ${APPROVE_PRIVILEGE} privilege, the Approve Email command does not appear while ${SELF_APPROVE_SETTING} is disabled. ${testAndEnable}`,
  );
}

// ——— Decisions ———

function isPathPassed(checks: readonly ApprovalCheck[]): boolean {
  return checks.every((item) => item.outcome !== 'failed');
}

/** Lets a check's sentence follow "…: " in a summary; names such as RequirePrivilege… keep their case. */
function continueSentence(message: string): string {
  return message.replace(/^(You|Your|This|Without)\b/, (word) => word.toLowerCase());
}

const SELF_APPROVAL_REASON = 'it is your own user mailbox and you meet every condition for approving your own mailbox';

/** The Approve Email command: may this actor approve this mailbox, and why (not)? */
export function explainApproval(actor: Actor, mailbox: MailboxForApproval, context: ApprovalContext): ApprovalDecision {
  const permissionModel = evaluatePermissionModel(actor, mailbox, context);
  const permissionChecks = [checkApprovePrivilege(actor, mailbox), permissionModel.check];
  const conditions = selfApprovalConditions(actor, mailbox, context);
  const selfChecks = [...conditions, checkApproveEmailCommandShown(actor, context, conditions)];
  const checks = [...permissionChecks, ...selfChecks];

  if (isPathPassed(permissionChecks)) {
    return { allowed: true, via: 'permissionModel', summary: `You can approve this mailbox: ${permissionModel.allowedPhrase}.`, checks };
  }
  if (isPathPassed(selfChecks)) {
    return { allowed: true, via: 'selfApproval', summary: `You can approve this mailbox: ${SELF_APPROVAL_REASON}.`, checks };
  }
  // On one's own mailbox the self-approval reason is the one the user can act on; elsewhere the admin one.
  // A queue whose address equals the user's UPN is still nobody's own mailbox: say exactly that.
  const isOwnMailbox = conditions[0]?.outcome === 'passed';
  const reason = isOwnMailbox
    ? selfChecks.find((item) => item.rule === 'notQueueMailbox' && item.outcome === 'failed') ?? selfChecks.find((item) => item.outcome === 'failed')
    : permissionChecks.find((item) => item.outcome === 'failed');
  return { allowed: false, via: null, summary: `You cannot approve this mailbox: ${continueSentence(reason?.message ?? '')}`, checks };
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
  if (isPathPassed(checks)) {
    return {
      allowed: true,
      via: 'selfApproval',
      summary: `Test & Enable Mailbox will approve the email address of this mailbox as part of the run: ${SELF_APPROVAL_REASON}.`,
      checks,
    };
  }
  const reason = checks.find((item) => item.outcome === 'failed');
  return {
    allowed: false,
    via: null,
    summary: `Test & Enable Mailbox will not approve the email address of this mailbox: ${continueSentence(reason?.message ?? '')}`,
    checks,
  };
}
