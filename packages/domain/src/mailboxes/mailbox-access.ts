import type { Actor } from '../access/actor.ts';
import { canReachRecord, hasPrivilege, PRIVILEGE_DEPTH_LABELS } from '../access/privileges.ts';
import type { ApprovalContext } from '../approval/explain-approval.ts';
import type { AuditAction, AuditChange, AuditEntryInput } from '../audit/audit-entry.ts';
import type { EmailSettingsRepository } from '../email-settings/email-settings.repository.port.ts';
import type { Environment } from '../environments/environment.ts';
import { accessDenied, DomainError, type ServerMessage } from '../shared/domain-error.ts';
import type { MailboxRepository, MailboxTarget } from './mailbox.repository.port.ts';
import type { Mailbox, MailboxForCommand } from './mailbox.ts';


export function mailboxAuditEntry(actor: Actor, environmentId: string, at: Date, mailbox: { id: string; name: string }, action: AuditAction, changes: AuditChange[]): AuditEntryInput {
  return {
    environmentId, at, actorId: actor.userId, actorName: actor.fullName ?? actor.email,
    entityType: 'mailbox', entityId: mailbox.id, entityName: mailbox.name, action, changes,
  };
}

/** Why the actor may not write this mailbox, or null when they may. */
export function writeDenial(actor: Actor, mailbox: { ownerId: string }): ServerMessage | null {
  if (canReachRecord(actor.privileges, 'mailbox.write', actor.userId, mailbox.ownerId)) return null;
  const held = actor.privileges['mailbox.write'];
  return held
    ? {
        code: 'MAILBOX_WRITE_ONLY_OWN', params: { depth: PRIVILEGE_DEPTH_LABELS[held] },
        message: `You hold Write privilege on Mailbox at ${PRIVILEGE_DEPTH_LABELS[held]} level, which reaches only mailboxes you own.`,
      }
    : { code: 'MAILBOX_WRITE_NEEDED', message: 'You need Write privilege on Mailbox to change mailboxes.' };
}

export type MailboxServerProfileStatus = 'active' | 'inactive' | 'notReadable';

/**
 * What the actor may be told about a mailbox's profile: its name travels with the mailbox, but whether it is
 * active is the profile's own record, which needs Read on Email Server Profile. Null without a profile.
 */
export function mailboxServerProfileStatus(actor: Pick<Actor, 'privileges'>, mailbox: Pick<Mailbox, 'serverProfileId' | 'serverProfileIsActive'>): MailboxServerProfileStatus | null {
  if (mailbox.serverProfileId === null) return null;
  if (!hasPrivilege(actor.privileges, 'emailServerProfile.read')) return 'notReadable';
  return mailbox.serverProfileIsActive ? 'active' : 'inactive';
}

export function readScope(actor: Actor): { ownerId?: string } {
  const depth = actor.privileges['mailbox.read'];
  if (!depth) throw accessDenied({ code: 'MAILBOX_READ_NEEDED', message: 'You need Read privilege on Mailbox.' });
  return depth === 'user' ? { ownerId: actor.userId } : {};
}

export async function approvalContext(deps: { emailSettings: EmailSettingsRepository }, environment: Environment): Promise<ApprovalContext> {
  const settings = await deps.emailSettings.findEmailSettings(environment.id);
  return { customerEngagement: environment.customerEngagement, requirePrivilegeToSelfApproveEmailAddress: settings.requirePrivilegeToSelfApproveEmailAddress };
}

/** The rows a bulk command acts on: only mailboxes the actor can read, so names of others never leak. */
export async function resolveMailboxTarget(deps: { mailboxes: Pick<MailboxRepository, 'findMailboxesForCommand'> }, actor: Actor, environmentId: string, target: MailboxTarget): Promise<MailboxForCommand[]> {
  const scope = readScope(actor);
  const rows = 'filter' in target
    ? await deps.mailboxes.findMailboxesForCommand(environmentId, { filter: { ...target.filter, ...scope } })
    : (await deps.mailboxes.findMailboxesForCommand(environmentId, target)).filter((row) => !scope.ownerId || row.ownerId === scope.ownerId);
  if (rows.length === 0) throw new DomainError('NOT_FOUND', { code: 'NO_MAILBOXES_MATCHED', message: 'No mailboxes matched. Select mailboxes or change the filter.' });
  return rows;
}

