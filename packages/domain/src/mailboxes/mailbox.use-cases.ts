import type { Actor } from '../access/actor.ts';
import type { SecurityRoleRepository } from '../access/security-role.repository.port.ts';
import { canReachRecord, hasPrivilege } from '../access/privileges.ts';
import { explainApproval, explainTestAndEnableSelfApproval, isApproveEmailCommandShown, type ApprovalContext, type ApprovalDecision } from '../approval/explain-approval.ts';
import { diffForAudit, secretChangeForAudit, type AuditEntryInput } from '../audit/audit-entry.ts';
import { startRunOn, type StartRunDeps, type StartRunResult } from '../test-and-enable/test-and-enable.use-cases.ts';
import { approvalContext, mailboxAuditEntry, readScope, resolveMailboxTarget, writeDenial } from './mailbox-access.ts';
import type { EmailSettingsRepository } from '../email-settings/email-settings.repository.port.ts';
import type { Environment } from '../environments/environment.ts';
import type { ServerProfileRepository } from '../server-profiles/server-profile.repository.port.ts';
import { accessDenied, codedSentence, DomainError, notFound, staleRecord, validationFailed, type CodedSentence, type FieldError, type ServerMessage } from '../shared/domain-error.ts';
import { pluralTableSentence, type PluralTemplate } from '../shared/sentence.ts';
import { bulkSentence, createBulkResult, decisionSummary, fieldErrorSentence, type BulkResult } from './bulk-result.ts';
import type { MailboxFilter, MailboxPage } from './mailbox-list-query.ts';
import type { MailboxRepository, MailboxTarget } from './mailbox.repository.port.ts';
import type { Mailbox, MailboxForCommand, MailboxSettings, MailboxSynchronizationMethod, MailboxType } from './mailbox.ts';
import { MAILBOX_SETTING_LABELS } from './mailbox.ts';
import { normalizeEmailAddress, synchronizationMethodErrors, validateMailbox } from './validate-mailbox.ts';

export interface MailboxDeps {
  mailboxes: MailboxRepository;
  emailSettings: EmailSettingsRepository;
  profiles: ServerProfileRepository;
  /** Directory lookups: a mailbox's owner must be a user of the tenant. */
  securityRoles: Pick<SecurityRoleRepository, 'findUser'>;
  clock: () => Date;
}

const AUDITED_SETTINGS = Object.keys(MAILBOX_SETTING_LABELS) as (keyof MailboxSettings)[];

const MAILBOX = 'this mailbox';

export async function listMailboxes(deps: Pick<MailboxDeps, 'mailboxes'>, actor: Actor, environmentId: string, filter: MailboxFilter, page: MailboxPage) {
  return deps.mailboxes.listMailboxes(environmentId, { ...filter, ...readScope(actor) }, page);
}

export async function getMailbox(deps: Pick<MailboxDeps, 'mailboxes'>, actor: Actor, environmentId: string, id: string): Promise<Mailbox> {
  const mailbox = await deps.mailboxes.findMailbox(environmentId, id);
  // A mailbox the actor may not read is reported as missing, so its existence does not leak.
  if (!mailbox || !canReachRecord(actor.privileges, 'mailbox.read', actor.userId, mailbox.ownerId)) throw notFound('MAILBOX_NOT_FOUND', 'The mailbox');
  return mailbox;
}

/** Whether the actor may approve this mailbox, and why: every rule checked with its outcome. */
export async function explainMailboxApproval(deps: Pick<MailboxDeps, 'mailboxes' | 'emailSettings'>, actor: Actor, environment: Environment, id: string) {
  const mailbox = await getMailbox(deps, actor, environment.id, id);
  const context = await approvalContext(deps, environment);
  return {
    approveEmail: explainApproval(actor, mailbox, context),
    testAndEnableSelfApproval: explainTestAndEnableSelfApproval(actor, mailbox, context),
  };
}

/** What the admin sends for one mailbox; settings left out keep their value (or take the defaults on create). */
export interface MailboxChanges {
  settings: Partial<MailboxSettings>;
  password?: string | null;
}

/** The one answer for a taken address, whether the lookup saw it or the unique index caught a race. */
function emailAddressTaken(address: string): FieldError {
  return { field: 'emailAddress', code: 'EMAIL_ADDRESS_TAKEN', params: { emailAddress: normalizeEmailAddress(address) }, message: `Another mailbox in this environment already uses ${normalizeEmailAddress(address)}.` };
}

async function checkReferences(deps: MailboxDeps, environmentId: string, settings: MailboxSettings, existing: Mailbox | null): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const address = normalizeEmailAddress(settings.emailAddress);
  if (address !== '' && (!existing || normalizeEmailAddress(existing.emailAddress) !== address)
    && (await deps.mailboxes.isEmailAddressTaken(environmentId, address, existing?.id))) {
    errors.push(emailAddressTaken(address));
  }
  if (settings.serverProfileId !== null && settings.serverProfileId !== existing?.serverProfileId) {
    const profile = await deps.profiles.findServerProfile(environmentId, settings.serverProfileId);
    if (!profile) errors.push({ field: 'serverProfileId', code: 'SERVER_PROFILE_NOT_FOUND', message: 'The email server profile was not found in this environment.' });
    else if (!profile.isActive) errors.push({ field: 'serverProfileId', code: 'SERVER_PROFILE_INACTIVE', params: { name: profile.name }, message: `"${profile.name}" is inactive. Choose an active email server profile.` });
  }
  if (settings.ownerId !== existing?.ownerId && !(await deps.securityRoles.findUser(environmentId, settings.ownerId))) {
    errors.push({ field: 'ownerId', code: 'OWNER_NOT_FOUND', message: 'The owner was not found.' });
  }
  return errors;
}

function mergeSettings(base: MailboxSettings, changes: Partial<MailboxSettings>): MailboxSettings {
  const sent = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const merged = { ...base, ...sent };
  return { ...merged, name: merged.name.trim(), emailAddress: normalizeEmailAddress(merged.emailAddress), userName: merged.userName?.trim() || null };
}

/** A new user or queue mailbox: it takes the environment's email settings as its defaults. */
export async function createMailbox(deps: MailboxDeps, actor: Actor, environment: Environment, type: MailboxType, changes: MailboxChanges): Promise<Mailbox> {
  if (!hasPrivilege(actor.privileges, 'mailbox.write')) throw accessDenied({ code: 'MAILBOX_CREATE_DENIED', message: 'You need Write privilege on Mailbox to create one.' });
  const defaults = await deps.emailSettings.findEmailSettings(environment.id);
  // A queue has no Outlook client: an Outlook default becomes None for it, and only an explicit choice is refused.
  const forType = <T extends string>(method: T): T | 'none' => (type === 'queue' && method === 'outlook' ? 'none' : method);
  const settings = mergeSettings({
    name: '', emailAddress: '', ownerId: actor.userId, isActive: true,
    serverProfileId: environment.defaultServerProfileId,
    incomingEmailDeliveryMethod: forType(defaults.incomingEmailDeliveryMethod),
    outgoingEmailDeliveryMethod: forType(defaults.outgoingEmailDeliveryMethod),
    appointmentsContactsTasksDeliveryMethod: forType(defaults.appointmentsContactsTasksDeliveryMethod),
    syncItemsFromThisOrgOnly: false, allowCredentialsForEmailProcessing: false, userName: null, processEmailsReceivedAfter: null,
  }, changes.settings);
  if (!canReachRecord(actor.privileges, 'mailbox.write', actor.userId, settings.ownerId)) {
    throw accessDenied({ code: 'MAILBOX_CREATE_FOR_OTHERS_DENIED', message: 'You hold Write privilege on Mailbox at User level: you can create mailboxes only for yourself.' });
  }
  const errors = [...validateMailbox(type, settings, changes.password, false), ...(await checkReferences(deps, environment.id, settings, null))];
  if (errors.length > 0) throw validationFailed(errors);
  const at = deps.clock();
  const created = await deps.mailboxes.createMailbox(
    { environmentId: environment.id, type, write: { settings, password: changes.password, emailAddressStatus: 'pendingApproval' } },
    (id) => mailboxAuditEntry(actor, environment.id, at, { id, name: settings.name }, 'create', [
      ...diffForAudit(null, settings, AUDITED_SETTINGS),
      ...secretChangeForAudit('password', false, changes.password),
    ]),
  );
  if (created === 'emailAddressTaken') throw validationFailed([emailAddressTaken(settings.emailAddress)]);
  return created;
}

/** Changes one mailbox; a new email address needs approval again. */
export async function updateMailbox(
  deps: MailboxDeps, actor: Actor, environment: Environment, id: string,
  changes: MailboxChanges & { /** The version the admin read: a stale one changes nothing (409). */ version: number },
): Promise<Mailbox> {
  const existing = await getMailbox(deps, actor, environment.id, id);
  const denial = writeDenial(actor, existing);
  if (denial) throw accessDenied(denial);
  if (existing.version !== changes.version) throw staleRecord('MAILBOX_CHANGED', MAILBOX);
  const settings = mergeSettings(existing, changes.settings);
  if (settings.ownerId !== existing.ownerId && !canReachRecord(actor.privileges, 'mailbox.write', actor.userId, settings.ownerId)) {
    throw accessDenied({ code: 'MAILBOX_REASSIGN_DENIED', message: 'You hold Write privilege on Mailbox at User level: you cannot give a mailbox to someone else.' });
  }
  const errors = [...validateMailbox(existing.type, settings, changes.password, existing.passwordSet), ...(await checkReferences(deps, environment.id, settings, existing))];
  if (errors.length > 0) throw validationFailed(errors);
  const addressChanged = settings.emailAddress !== normalizeEmailAddress(existing.emailAddress);
  const changesForAudit = [
    ...diffForAudit(existing, settings, AUDITED_SETTINGS),
    ...secretChangeForAudit('password', existing.passwordSet, changes.password),
    ...(addressChanged && existing.emailAddressStatus !== 'pendingApproval'
      ? [{ field: 'emailAddressStatus', before: existing.emailAddressStatus, after: 'pendingApproval' }]
      : []),
  ];
  if (changesForAudit.length === 0) return existing;
  const updated = await deps.mailboxes.updateMailbox(environment.id, id, changes.version, {
    settings: Object.fromEntries(changesForAudit.filter((c) => c.field in settings).map((c) => [c.field, settings[c.field as keyof MailboxSettings]])),
    password: changes.password,
    ...(addressChanged ? { emailAddressStatus: 'pendingApproval' as const } : {}),
  }, mailboxAuditEntry(actor, environment.id, deps.clock(), { id, name: settings.name }, 'update', changesForAudit));
  if (updated === 'stale') throw staleRecord('MAILBOX_CHANGED', MAILBOX);
  if (updated === 'emailAddressTaken') throw validationFailed([emailAddressTaken(settings.emailAddress)]);
  return updated;
}

/** A row a bulk write left alone because it changed after the command read it. */

/** Sets profile and delivery methods on each mailbox the actor may write; returns what changed per row. */
async function setMethodOn(
  deps: MailboxDeps, actor: Actor, environmentId: string, rows: MailboxForCommand[], method: Partial<MailboxSynchronizationMethod>,
  bulk: ReturnType<typeof createBulkResult>, doneMessage: ServerMessage,
): Promise<MailboxForCommand[]> {
  const at = deps.clock();
  const outcomes: ({ row: MailboxForCommand; skipped: ServerMessage } | { row: MailboxForCommand; done: ServerMessage })[] = [];
  const accepted: MailboxForCommand[] = [];
  const audit: AuditEntryInput[] = [];
  const fields = Object.keys(method) as (keyof MailboxSynchronizationMethod)[];
  for (const row of rows) {
    const denial = writeDenial(actor, row);
    if (denial) { outcomes.push({ row, skipped: denial }); continue; }
    const methodErrors = synchronizationMethodErrors(row.type, method);
    if (methodErrors.length > 0) { outcomes.push({ row, skipped: fieldErrorSentence(methodErrors[0]!) }); continue; }
    accepted.push(row);
    const changes = diffForAudit(row, { ...row, ...method }, fields);
    if (changes.length > 0) audit.push(mailboxAuditEntry(actor, environmentId, at, row, 'update', changes));
    outcomes.push({ row, done: changes.length > 0 ? doneMessage : bulkSentence('ALREADY_HAD_SETTINGS') });
  }
  // The write re-checks each owner (what the write permission was decided on): the result says what happened.
  const changed = accepted.length > 0 ? await deps.mailboxes.setSynchronizationMethod(accepted, method, audit) : new Set<string>();
  for (const outcome of outcomes) {
    if ('skipped' in outcome) bulk.skip(outcome.row, outcome.skipped);
    else if (changed.has(outcome.row.id)) bulk.done(outcome.row, outcome.done);
    else bulk.skip(outcome.row, bulkSentence('NOT_CHANGED_MEANWHILE'));
  }
  return accepted.filter((row) => changed.has(row.id));
}

async function checkProfileForBulk(deps: MailboxDeps, environmentId: string, serverProfileId: string | null | undefined) {
  if (!serverProfileId) return;
  const profile = await deps.profiles.findServerProfile(environmentId, serverProfileId);
  if (!profile) throw validationFailed([{ field: 'serverProfileId', code: 'SERVER_PROFILE_NOT_FOUND', message: 'The email server profile was not found in this environment.' }]);
  if (!profile.isActive) throw validationFailed([{ field: 'serverProfileId', code: 'SERVER_PROFILE_INACTIVE', params: { name: profile.name }, message: `"${profile.name}" is inactive. Choose an active email server profile.` }]);
}

/** Edit → Change Multiple Records: Server Profile and the delivery methods, on each mailbox it may. */
export async function changeMultipleMailboxes(
  deps: MailboxDeps, actor: Actor, environment: Environment, target: MailboxTarget, method: Partial<MailboxSynchronizationMethod>,
): Promise<BulkResult> {
  const fields = Object.entries(method).filter(([, value]) => value !== undefined);
  if (fields.length === 0) throw validationFailed([{ field: 'changes', code: 'NO_CHANGES_CHOSEN', message: 'Choose at least one setting to change.' }]);
  await checkProfileForBulk(deps, environment.id, method.serverProfileId);
  const rows = await resolveMailboxTarget(deps, actor, environment.id, target);
  const bulk = createBulkResult();
  await setMethodOn(deps, actor, environment.id, rows, Object.fromEntries(fields), bulk, bulkSentence('CHANGED'));
  return bulk.result();
}

/**
 * Apply Default Email Settings: the environment's default profile and delivery methods. By default the
 * mailboxes are then tested and enabled (seed 000): a Test & Enable run starts on those it changed.
 */
export async function applyDefaultEmailSettings(
  deps: MailboxDeps & StartRunDeps, actor: Actor, environment: Environment, target: MailboxTarget, options: { testAndEnable: boolean },
): Promise<BulkResult & { run?: StartRunResult['run'] }> {
  if (!environment.defaultServerProfileId) {
    throw new DomainError('DEFAULT_PROFILE_REQUIRED', { code: 'NO_DEFAULT_SERVER_PROFILE', message: 'This environment has no default email server profile. Set one in Email settings first.' });
  }
  const settings = await deps.emailSettings.findEmailSettings(environment.id);
  const rows = await resolveMailboxTarget(deps, actor, environment.id, target);
  const applied = createBulkResult();
  const method: MailboxSynchronizationMethod = {
    serverProfileId: environment.defaultServerProfileId,
    incomingEmailDeliveryMethod: settings.incomingEmailDeliveryMethod,
    outgoingEmailDeliveryMethod: settings.outgoingEmailDeliveryMethod,
    appointmentsContactsTasksDeliveryMethod: settings.appointmentsContactsTasksDeliveryMethod,
  };
  const accepted = await setMethodOn(deps, actor, environment.id, rows, method, applied, bulkSentence('DEFAULT_EMAIL_SETTINGS_APPLIED'));
  if (!options.testAndEnable) return applied.result();

  const queued = await startRunOn(deps, actor, environment, accepted.map((row) => ({ ...row, ...method })), {
    kind: 'applyDefaultEmailSettings', serverProfileId: method.serverProfileId, describe: (count) => `${count.toLocaleString('en-US')} mailbox${count === 1 ? '' : 'es'} given the default email settings`,
  }, { startAt: null });
  const byId = new Map(queued.results.map((r) => [r.mailboxId, r]));
  const result = applied.result();
  const results = result.results.map((row) => {
    const test = byId.get(row.mailboxId);
    if (!test) return row;
    return { ...row, message: `${row.message} ${test.message}`, sentences: [...row.sentences, ...test.sentences], ...(test.decisionIndex === undefined ? {} : { decisionIndex: test.decisionIndex }) };
  });
  return { ...result, results, decisions: queued.decisions, run: queued.run };
}

const ALREADY_APPROVED = bulkSentence('EMAIL_ADDRESS_ALREADY_APPROVED');

/**
 * Approve Email's decision for each row: null when the address is already approved. Most rows share one
 * decision, so it is computed once per combination of everything the rules read.
 */
function decideApprovals(actor: Actor, context: ApprovalContext, rows: readonly MailboxForCommand[]): (ApprovalDecision | null)[] {
  const decisions = new Map<string, ApprovalDecision>();
  return rows.map((row) => {
    if (row.emailAddressStatus === 'approved') return null;
    const key = `${row.type}|${row.serverType}|${row.ownerId === actor.userId}|${normalizeEmailAddress(row.emailAddress) === normalizeEmailAddress(actor.email)}`;
    let decision = decisions.get(key);
    if (!decision) decisions.set(key, (decision = explainApproval(actor, row, context)));
    return decision;
  });
}

/** More Commands → Approve Email: approves each mailbox the rules allow and says why for every other one. */
export async function approveMailboxEmails(deps: MailboxDeps, actor: Actor, environment: Environment, target: MailboxTarget): Promise<BulkResult> {
  const rows = await resolveMailboxTarget(deps, actor, environment.id, target);
  const decisions = decideApprovals(actor, await approvalContext(deps, environment), rows);
  const at = deps.clock();
  const bulk = createBulkResult();
  const outcomes: { row: MailboxForCommand; decision?: ApprovalDecision; skipped?: ServerMessage }[] = [];
  const allowed: MailboxForCommand[] = [];
  const audit: AuditEntryInput[] = [];
  rows.forEach((row, index) => {
    const decision = decisions[index];
    if (!decision) { outcomes.push({ row, skipped: ALREADY_APPROVED }); return; }
    if (!decision.allowed) { outcomes.push({ row, decision, skipped: decisionSummary(decision) }); return; }
    allowed.push(row);
    audit.push(mailboxAuditEntry(actor, environment.id, at, row, 'approveEmail', [{ field: 'emailAddressStatus', before: row.emailAddressStatus, after: 'approved' }]));
    outcomes.push({ row, decision });
  });
  // The write re-checks what each decision read (address, owner, profile, not yet approved): a mailbox changed
  // in between is not approved on a stale decision, and is reported as not done.
  const approved = allowed.length > 0 ? await deps.mailboxes.approveMailboxes(allowed, actor.userId, at, audit) : new Set<string>();
  for (const { row, decision, skipped } of outcomes) {
    if (skipped !== undefined) bulk.skip(row, skipped, decision);
    else if (approved.has(row.id)) bulk.done(row, bulkSentence('EMAIL_ADDRESS_APPROVED'), decision);
    else bulk.skip(row, bulkSentence('NOT_APPROVED_MEANWHILE'));
  }
  return bulk.result();
}

/** At most this many refused mailboxes are named one by one; the counts cover the rest. */
export const APPROVE_EMAIL_AVAILABILITY_LISTED = 100;

export interface ApproveEmailAvailability {
  /** Whether the Approve Email command appears at all for this user (seed 000). */
  commandShown: boolean;
  /** How many of the selected mailboxes Approve Email would approve. */
  approvable: number;
  notApprovable: number;
  /** One sentence for the command bar: what Approve Email would do, or why it can't. */
  summary: string;
  /**
   * The sentence `summary` says: one of APPROVE_EMAIL_AVAILABILITY_SENTENCES, or for a single mailbox refused its
   * refusal's `reasonSentence`.
   */
  summarySentence: CodedSentence;
  /** The mailboxes it would skip, with why (the first APPROVE_EMAIL_AVAILABILITY_LISTED). */
  refusals: { mailboxId: string; name: string; reason: string; reasonSentence: CodedSentence; decisionIndex?: number }[];
  /** Distinct decisions the refusals point at (the rules checked). */
  decisions: ApprovalDecision[];
}

/**
 * What Approve Email would do for a selection (decision 58's rules: one code per sentence, never reused), each in the
 * two forms its `count` (the mailboxes selected, or approved) picks; the web says them from
 * `mailboxes:approveEmailSentence.<code>_one|_other`. A refusal of the whole selection for one reason adds that
 * decision's summary as `summary`.
 */
export const APPROVE_EMAIL_AVAILABILITY_SENTENCES = {
  WILL_APPROVE_ALL: {
    one: 'Approve Email will approve {{count, number}} mailbox.',
    other: 'Approve Email will approve {{count, number}} mailboxes.',
  },
  WILL_APPROVE_SOME: {
    one: 'Approve Email will approve {{approvable, number}} of the {{count, number}} mailbox selected and skip {{skipped, number}}.',
    other: 'Approve Email will approve {{approvable, number}} of the {{count, number}} mailboxes selected and skip {{skipped, number}}.',
  },
  CANNOT_APPROVE_ANY: {
    one: 'You cannot approve any of the {{count, number}} mailbox selected.',
    other: 'You cannot approve any of the {{count, number}} mailboxes selected.',
  },
  CANNOT_APPROVE_ANY_BECAUSE: {
    one: 'You cannot approve any of the {{count, number}} mailbox selected. {{summary}}',
    other: 'You cannot approve any of the {{count, number}} mailboxes selected. {{summary}}',
  },
} as const satisfies Record<string, PluralTemplate>;
export type ApproveEmailAvailabilitySentenceCode = keyof typeof APPROVE_EMAIL_AVAILABILITY_SENTENCES;

const sayAvailability = (code: ApproveEmailAvailabilitySentenceCode, params: { count: number } & Record<string, string | number>) =>
  pluralTableSentence(code, APPROVE_EMAIL_AVAILABILITY_SENTENCES[code], params);

/**
 * What Approve Email would do for a selection (ids or "all that match"), decided by the same rules as the
 * command itself, so the command bar never keeps its own copy of them.
 */
export async function assessApproveEmail(deps: Pick<MailboxDeps, 'mailboxes' | 'emailSettings'>, actor: Actor, environment: Environment, target: MailboxTarget): Promise<ApproveEmailAvailability> {
  const commandShown = isApproveEmailCommandShown(actor);
  const rows = await resolveMailboxTarget(deps, actor, environment.id, target);
  const decisions = decideApprovals(actor, await approvalContext(deps, environment), rows);
  const listed = createBulkResult();
  let approvable = 0;
  let notApprovable = 0;
  rows.forEach((row, index) => {
    const decision = decisions[index];
    if (decision?.allowed) { approvable++; return; }
    notApprovable++;
    if (notApprovable > APPROVE_EMAIL_AVAILABILITY_LISTED) return;
    if (decision) listed.skip(row, decisionSummary(decision), decision);
    else listed.skip(row, ALREADY_APPROVED);
  });
  const { results, decisions: distinct } = listed.result();
  const refusals = results.map(({ mailboxId, name, message, sentences: [reasonSentence], decisionIndex }) =>
    ({ mailboxId, name, reason: message, reasonSentence: reasonSentence!, ...(decisionIndex === undefined ? {} : { decisionIndex }) }));
  const only = rows.length === 1 ? refusals[0] : undefined;
  if (only) return { commandShown, approvable, notApprovable, summary: only.reason, summarySentence: only.reasonSentence, refusals, decisions: distinct };
  const count = rows.length;
  const summary = approvable === count
    ? sayAvailability('WILL_APPROVE_ALL', { count: approvable })
    : approvable === 0
      ? distinct.length === 1
        ? sayAvailability('CANNOT_APPROVE_ANY_BECAUSE', { count, summary: distinct[0]!.summary })
        : sayAvailability('CANNOT_APPROVE_ANY', { count })
      : sayAvailability('WILL_APPROVE_SOME', { approvable, count, skipped: notApprovable });
  return { commandShown, approvable, notApprovable, summary: summary.message, summarySentence: codedSentence(summary), refusals, decisions: distinct };
}
