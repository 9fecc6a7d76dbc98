import type { Actor } from '../access/actor.ts';
import { hasPrivilege } from '../access/privileges.ts';
import { diffForAudit } from '../audit/audit-entry.ts';
import {
  APPROVER_ROLE_COMBINATION_LABELS,
  EXCHANGE_DEPLOYMENT_LABELS,
  EXCHANGE_DEPLOYMENTS,
  approverRoleCombinationsHeld,
  approvingCombinations,
  decidePermissionModel,
  exchangeDeploymentOf,
} from '../approval/approval-permission-table.ts';
import { CUSTOMER_ENGAGEMENT_LABELS, type Environment } from '../environments/environment.ts';
import type { ServerProfileRepository } from '../server-profiles/server-profile.repository.port.ts';
import { accessDenied, staleRecord, validationFailed, type ServerMessage } from '../shared/domain-error.ts';
import type { WriteUnitOfWork } from '../shared/unit-of-work.port.ts';
import type { EmailSettingsRepository, VersionedEmailSettings } from './email-settings.repository.port.ts';
import { EMAIL_SETTING_LABELS, type EmailSettings } from './email-settings.ts';

export interface EmailSettingsDeps {
  emailSettings: EmailSettingsRepository;
  profiles: ServerProfileRepository;
  /** A new Server Profile and the settings are saved together, under the environment's profile lock. */
  unitOfWork: WriteUnitOfWork;
  clock: () => Date;
}

const EMAIL_SETTINGS = 'these email settings';

export interface EmailSettingsView extends VersionedEmailSettings {
  defaultServerProfileId: string | null;
}

export async function getEmailSettings(deps: Pick<EmailSettingsDeps, 'emailSettings'>, environment: Environment): Promise<EmailSettingsView> {
  return { ...(await deps.emailSettings.findEmailSettings(environment.id)), defaultServerProfileId: environment.defaultServerProfileId };
}

/**
 * Seed 000, "Remove the requirement to approve mailboxes": only admins as described in the permissions
 * model may turn the approval switches off (or on). The row is the environment's deployment and the Exchange
 * of its default profile; without one, the user must qualify for both Exchange rows.
 */
async function approvalRequirementChangeDenial(
  deps: Pick<EmailSettingsDeps, 'profiles'>, actor: Actor, environment: Environment, defaultServerProfileId: string | null,
): Promise<ServerMessage | null> {
  const profile = defaultServerProfileId ? await deps.profiles.findServerProfile(environment.id, defaultServerProfileId) : null;
  const rows = profile ? [exchangeDeploymentOf(profile.serverType)] : [...EXCHANGE_DEPLOYMENTS];
  const held = approverRoleCombinationsHeld(actor);
  const failing = rows.find((exchange) => !decidePermissionModel(environment.customerEngagement, exchange, held).allowed);
  if (!failing) return null;
  const needed = approvingCombinations(environment.customerEngagement, failing).map((c) => APPROVER_ROLE_COMBINATION_LABELS[c]);
  const params = { customerEngagement: CUSTOMER_ENGAGEMENT_LABELS[environment.customerEngagement], exchange: EXCHANGE_DEPLOYMENT_LABELS[failing], needed: needed.join('; ') };
  return {
    code: 'APPROVAL_REQUIREMENT_CHANGE_DENIED', params,
    message: `Only admins as described in the permissions model can change whether mailboxes need approval. In ${params.customerEngagement} with ${params.exchange} that is: ${params.needed}.`,
  };
}

/**
 * Whether the actor may turn the approval switches on or off with the environment's current default
 * profile, and why not: the form disables them up front; updateEmailSettings still checks on Save.
 */
export async function describeApprovalRequirementChange(
  deps: Pick<EmailSettingsDeps, 'profiles'>, actor: Actor, environment: Environment, defaultServerProfileId: string | null,
): Promise<{ canChange: boolean; reason: string | null }> {
  if (!hasPrivilege(actor.privileges, 'organization.write')) return { canChange: false, reason: ORGANIZATION_WRITE_NEEDED.message };
  const reason = await approvalRequirementChangeDenial(deps, actor, environment, defaultServerProfileId);
  return { canChange: reason === null, reason: reason?.message ?? null };
}

const ORGANIZATION_WRITE_NEEDED: ServerMessage = { code: 'ORGANIZATION_WRITE_NEEDED', message: 'You need Write privilege on Organization to change email settings.' };

/** Saves Email settings; the Server Profile chosen here becomes the environment's default profile. */
export async function updateEmailSettings(
  deps: EmailSettingsDeps, actor: Actor, environment: Environment,
  changes: Partial<Omit<EmailSettingsView, 'version'>> & { /** The version the admin read: a stale one changes nothing (409). */ version: number },
): Promise<EmailSettingsView> {
  if (!hasPrivilege(actor.privileges, 'organization.write')) {
    throw accessDenied(ORGANIZATION_WRITE_NEEDED);
  }
  const before = await getEmailSettings(deps, environment);
  if (before.version !== changes.version) throw staleRecord('EMAIL_SETTINGS_CHANGED', EMAIL_SETTINGS);
  const sent = Object.fromEntries(Object.entries(changes).filter(([key, value]) => value !== undefined && key !== 'version'));
  const after: EmailSettingsView = { ...before, ...sent };
  const checkNewDefault = async (profiles: ServerProfileRepository, id: string | null) => {
    if (id === null) {
      throw validationFailed([{ field: 'defaultServerProfileId', code: 'DEFAULT_PROFILE_REQUIRED_ONCE_SET', message: 'Server Profile is required once the environment has a profile. Choose another profile instead.' }]);
    }
    const profile = await profiles.findServerProfile(environment.id, id);
    if (!profile) throw validationFailed([{ field: 'defaultServerProfileId', code: 'SERVER_PROFILE_NOT_FOUND', message: 'The email server profile was not found in this environment.' }]);
    if (!profile.isActive) throw validationFailed([{ field: 'defaultServerProfileId', code: 'SERVER_PROFILE_INACTIVE', params: { name: profile.name }, message: `"${profile.name}" is inactive. Choose an active email server profile.` }]);
  };
  if (after.defaultServerProfileId !== before.defaultServerProfileId) await checkNewDefault(deps.profiles, after.defaultServerProfileId);
  const changesForAudit = diffForAudit(before, after, Object.keys(EMAIL_SETTING_LABELS) as (keyof EmailSettingsView)[]);
  if (changesForAudit.length === 0) return before;
  if (changesForAudit.some((c) => c.field === 'processEmailsOnlyForApprovedUsers' || c.field === 'processEmailsOnlyForApprovedQueues')) {
    const denial = await approvalRequirementChangeDenial(deps, actor, environment, after.defaultServerProfileId);
    if (denial) throw accessDenied(denial);
  }
  // The log shows profiles by name: an id means nothing to the reader.
  const profileName = async (id: string | null) => (id ? (await deps.profiles.findServerProfile(environment.id, id))?.name ?? id : null);
  for (const change of changesForAudit) {
    if (change.field !== 'defaultServerProfileId') continue;
    change.before = await profileName(before.defaultServerProfileId);
    change.after = await profileName(after.defaultServerProfileId);
  }
  const audit = {
    environmentId: environment.id, at: deps.clock(), actorId: actor.userId, actorName: actor.fullName ?? actor.email,
    entityType: 'emailSettings' as const, entityId: environment.id, entityName: `Email settings of ${environment.name}`,
    action: 'update' as const, changes: changesForAudit,
  };
  const { defaultServerProfileId } = after;
  const settingChanges = Object.fromEntries(changesForAudit.filter((c) => c.field !== 'defaultServerProfileId').map((c) => [c.field, after[c.field as keyof EmailSettings]]));
  const saved = await deps.unitOfWork.run(async (tx) => {
    if (defaultServerProfileId !== before.defaultServerProfileId) {
      // Checked again under the lock: a Deactivate of that profile either committed first or waits for this.
      await tx.profiles.lockEnvironmentProfiles(environment.id);
      await checkNewDefault(tx.profiles, defaultServerProfileId);
      // The Email settings audit entry below records the default switch.
      await tx.profiles.setDefaultServerProfile(environment.id, defaultServerProfileId!, null);
    }
    // Moving the default adds 1 to the stored version: the write names the version it now finds.
    const version = defaultServerProfileId !== before.defaultServerProfileId && before.version > 0 ? before.version + 1 : before.version;
    const written = await tx.emailSettings.updateEmailSettings(environment.id, version, settingChanges, audit);
    if (!written) throw staleRecord('EMAIL_SETTINGS_CHANGED', EMAIL_SETTINGS);
    return written;
  });
  return { ...saved, defaultServerProfileId };
}
