import type { Actor } from '../access/actor.ts';
import { diffForAudit, secretChangeForAudit, type AuditAction, type AuditChange, type AuditEntryInput } from '../audit/audit-entry.ts';
import { canReachRecord, hasPrivilege } from '../access/privileges.ts';
import { accessDenied, DomainError, notFound, requiredFieldError, staleRecord, validationFailed } from '../shared/domain-error.ts';
import type { WriteUnitOfWork } from '../shared/unit-of-work.port.ts';
import type { OutboundDestinationPolicy } from '../exchange-connectivity/outbound-destination.port.ts';
import type { ServerProfileConnectionProbe } from './server-profile-connection.port.ts';
import type { ServerProfileRepository } from './server-profile.repository.port.ts';
import {
  changedServerProfileSettings,
  newServerProfileSettings,
  pickServerProfileSettings,
  type ServerProfile,
  type ServerProfileSecretChanges,
  type ServerProfileSettings,
} from './server-profile.ts';
import { normalizeServerProfile, validateServerProfile } from './validate-server-profile.ts';

export interface ServerProfileDeps {
  profiles: ServerProfileRepository;
  /** Where the portal may connect: a location it would refuse is refused when saved, not only when tested. */
  outbound: Pick<OutboundDestinationPolicy, 'checkDestination'>;
  /** Writes that read the default or the active state to decide run in one transaction, under the environment's lock. */
  unitOfWork: WriteUnitOfWork;
  clock: () => Date;
}

const PROFILE = 'this email server profile';

const LOCATION_FIELDS = ['incomingServerLocation', 'outgoingServerLocation', 'defaultServerLocation'] as const;

const AUDITED_SETTINGS = Object.keys(newServerProfileSettings('exchangeServer')) as (keyof ServerProfileSettings)[];

function auditEntry(
  deps: ServerProfileDeps, actor: Actor, environmentId: string, profile: { id: string; name: string }, action: AuditAction, changes: AuditChange[],
): AuditEntryInput {
  return {
    environmentId, at: deps.clock(), actorId: actor.userId, actorName: actor.fullName ?? actor.email,
    entityType: 'serverProfile', entityId: profile.id, entityName: profile.name, action, changes,
  };
}

/** Settings, secrets (masked) and the default flag that differ: what the audit log records. */
function changesForAudit(
  before: ServerProfile | null, settings: ServerProfileSettings, secrets: ServerProfileSecretChanges, isDefault: boolean,
): AuditChange[] {
  return [
    ...diffForAudit(before, settings, AUDITED_SETTINGS),
    ...(Object.keys(NONE_STORED) as (keyof typeof NONE_STORED)[]).flatMap((secret) =>
      secretChangeForAudit(secret, before?.secretsSet[secret] ?? false, secrets[secret])),
    ...((before?.isDefault ?? false) === isDefault ? [] : [{ field: 'isDefault', before: before?.isDefault ?? false, after: isDefault }]),
  ];
}

export interface ServerProfileChannel {
  isSecureChannel: boolean;
  allowCredentialsEntryViaNonSecureChannels: boolean;
}

/**
 * What an admin sends. Settings left out keep their value, the stored one on update and the new-profile
 * default on create, so a partial change never loses data. Secrets: a value sets, null clears, absent keeps.
 */
export interface ServerProfileChanges {
  settings: Partial<ServerProfileSettings>;
  secrets: ServerProfileSecretChanges;
  /** "Set as default profile for new mailboxes"; absent keeps the current state. */
  isDefault?: boolean;
}

/** The changes applied over their base: every setting known, the default state decided. */
interface ServerProfileInput {
  settings: ServerProfileSettings;
  secrets: ServerProfileSecretChanges;
  isDefault: boolean;
}

function applyChanges(base: ServerProfileSettings, changes: ServerProfileChanges, isDefault: boolean): ServerProfileInput {
  const sent = Object.fromEntries(Object.entries(changes.settings).filter(([, value]) => value !== undefined));
  return { settings: { ...base, ...sent }, secrets: changes.secrets, isDefault: changes.isDefault ?? isDefault };
}

const NONE_STORED = { clientSecret: false, incomingPassword: false, outgoingPassword: false } as const;

async function loadReachable(
  { profiles }: ServerProfileDeps,
  actor: Actor,
  environmentId: string,
  id: string,
  privilege: 'emailServerProfile.read' | 'emailServerProfile.write',
): Promise<ServerProfile> {
  const profile = await profiles.findServerProfile(environmentId, id);
  // A profile the actor may not even read is reported as missing, so its existence does not leak.
  if (!profile || !canReachRecord(actor.privileges, 'emailServerProfile.read', actor.userId, profile.ownerId)) {
    throw notFound('SERVER_PROFILE_NOT_FOUND', 'The email server profile');
  }
  if (!canReachRecord(actor.privileges, privilege, actor.userId, profile.ownerId)) {
    throw accessDenied({ code: 'SERVER_PROFILE_WRITE_NEEDED', message: 'You need Write privilege on this Email Server Profile to change it.' });
  }
  return profile;
}

async function checkedInput(
  deps: ServerProfileDeps,
  environmentId: string,
  input: ServerProfileInput,
  channel: ServerProfileChannel,
  existing: ServerProfile | null,
): Promise<{ settings: ServerProfileSettings; secrets: ServerProfileSecretChanges }> {
  const errors = validateServerProfile(input.settings, input.secrets, {
    secretsStored: existing?.secretsSet ?? NONE_STORED,
    storedUserNames: existing ? { incomingUserName: existing.incomingUserName, outgoingUserName: existing.outgoingUserName } : undefined,
    ...channel,
  });
  const normalized = normalizeServerProfile(input.settings, input.secrets);
  if (
    normalized.settings.name !== '' &&
    !errors.some((e) => e.field === 'name') &&
    (await deps.profiles.isServerProfileNameTaken(environmentId, normalized.settings.name, existing?.id))
  ) {
    errors.push({ field: 'name', code: 'SERVER_PROFILE_NAME_TAKEN', params: { name: normalized.settings.name }, message: `A server profile named "${normalized.settings.name}" already exists in this environment.` });
  }
  if (existing?.isDefault && !input.isDefault) {
    errors.push({
      field: 'isDefault',
      code: 'DEFAULT_PROFILE_CANNOT_BE_UNSET',
      message: 'This is the default profile for new mailboxes. Set another profile as default instead.',
    });
  }
  if (existing && !existing.isActive && input.isDefault && !existing.isDefault) {
    errors.push({ field: 'isDefault', code: 'DEFAULT_PROFILE_MUST_BE_ACTIVE', message: 'Activate the profile before making it the default.' });
  }
  if (errors.length === 0) {
    for (const field of LOCATION_FIELDS) {
      const url = normalized.settings[field];
      if (!url || url === existing?.[field]) continue;
      const refused = await deps.outbound.checkDestination(url);
      if (refused) errors.push({ field, message: refused.message });
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  return normalized;
}

export async function listServerProfiles(
  deps: ServerProfileDeps,
  actor: Actor,
  environmentId: string,
  filter: { isActive?: boolean },
): Promise<ServerProfile[]> {
  const depth = actor.privileges['emailServerProfile.read'];
  if (!depth) throw accessDenied({ code: 'SERVER_PROFILE_READ_NEEDED', message: 'You need Read privilege on Email Server Profile.' });
  return deps.profiles.listServerProfiles(environmentId, {
    ...filter,
    ...(depth === 'user' ? { ownerId: actor.userId } : {}),
  });
}

export async function getServerProfile(deps: ServerProfileDeps, actor: Actor, environmentId: string, id: string) {
  return loadReachable(deps, actor, environmentId, id, 'emailServerProfile.read');
}

export async function createServerProfile(
  deps: ServerProfileDeps,
  actor: Actor,
  environmentId: string,
  changes: ServerProfileChanges,
  channel: ServerProfileChannel,
): Promise<ServerProfile> {
  if (!hasPrivilege(actor.privileges, 'emailServerProfile.write')) {
    throw accessDenied({ code: 'SERVER_PROFILE_CREATE_DENIED', message: 'You need Write privilege on Email Server Profile to create one.' });
  }
  const { serverType } = changes.settings;
  if (!serverType) throw validationFailed([requiredFieldError('serverType', 'Email Server Type')]);
  const input = applyChanges(newServerProfileSettings(serverType), changes, false);
  const { settings, secrets } = await checkedInput(deps, environmentId, input, channel, null);
  return deps.unitOfWork.run(async (tx) => {
    await tx.profiles.lockEnvironmentProfiles(environmentId);
    // The first profile of an environment becomes its default: there is always exactly one once any exists.
    const isFirst = (await tx.profiles.countServerProfiles(environmentId)) === 0;
    const makeDefault = input.isDefault || isFirst;
    return tx.profiles.createServerProfile(
      { environmentId, ownerId: actor.userId, settings, secrets, makeDefault },
      (id) => auditEntry(deps, actor, environmentId, { id, name: settings.name }, 'create', changesForAudit(null, settings, secrets, makeDefault)),
    );
  });
}

export async function updateServerProfile(
  deps: ServerProfileDeps,
  actor: Actor,
  environmentId: string,
  id: string,
  changes: ServerProfileChanges & { /** The version the admin read: a stale one changes nothing (409). */ version: number },
  channel: ServerProfileChannel,
): Promise<ServerProfile> {
  const existing = await loadReachable(deps, actor, environmentId, id, 'emailServerProfile.write');
  if (existing.version !== changes.version) throw staleRecord('SERVER_PROFILE_CHANGED', PROFILE);
  const input = applyChanges(pickServerProfileSettings(existing), changes, existing.isDefault);
  if (input.settings.serverType !== existing.serverType) {
    const message = 'Email Server Type cannot change after the profile is created.';
    throw validationFailed([{ field: 'serverType', code: 'SERVER_TYPE_FIXED', message }]);
  }
  const { settings, secrets } = await checkedInput(deps, environmentId, input, channel, existing);
  const makeDefault = input.isDefault && !existing.isDefault;
  const audit = auditEntry(deps, actor, environmentId, { id, name: settings.name }, 'update', changesForAudit(existing, settings, secrets, input.isDefault));
  // Only what differs from the version read is written (normalization may change fields not sent); the
  // version guard makes "what was read" still true when the write lands.
  const write = { settings: changedServerProfileSettings(existing, settings), secrets, makeDefault };
  const updated = await deps.unitOfWork.run(async (tx) => {
    if (makeDefault) await tx.profiles.lockEnvironmentProfiles(environmentId);
    return tx.profiles.updateServerProfile(id, changes.version, write, audit);
  });
  if (!updated) throw staleRecord('SERVER_PROFILE_CHANGED', PROFILE);
  return updated;
}

export async function setServerProfileActive(
  deps: ServerProfileDeps,
  actor: Actor,
  environmentId: string,
  id: string,
  isActive: boolean,
): Promise<ServerProfile> {
  await loadReachable(deps, actor, environmentId, id, 'emailServerProfile.write');
  return deps.unitOfWork.run(async (tx) => {
    // Read again under the lock: a "Set as default" of this profile either committed before (refused here) or
    // waits until this commits (and then finds it inactive).
    await tx.profiles.lockEnvironmentProfiles(environmentId);
    const profile = await tx.profiles.findServerProfile(environmentId, id);
    if (!profile) throw notFound('SERVER_PROFILE_NOT_FOUND', 'The email server profile');
    if (!isActive && profile.isDefault) {
      throw new DomainError(
        'DEFAULT_PROFILE_REQUIRED',
        { code: 'DEFAULT_PROFILE_DEACTIVATE_DENIED', params: { name: profile.name }, message: `"${profile.name}" is the default profile for new mailboxes. Set another profile as default before deactivating it.` },
      );
    }
    if (profile.isActive === isActive) return profile;
    await tx.profiles.setServerProfileActive(id, isActive,
      auditEntry(deps, actor, environmentId, profile, 'update', [{ field: 'isActive', before: profile.isActive, after: isActive }]));
    return (await tx.profiles.findServerProfile(environmentId, id))!;
  });
}

export async function setDefaultServerProfile(deps: ServerProfileDeps, actor: Actor, environmentId: string, id: string) {
  await loadReachable(deps, actor, environmentId, id, 'emailServerProfile.write');
  return deps.unitOfWork.run(async (tx) => {
    await tx.profiles.lockEnvironmentProfiles(environmentId);
    const profile = await tx.profiles.findServerProfile(environmentId, id);
    if (!profile) throw notFound('SERVER_PROFILE_NOT_FOUND', 'The email server profile');
    if (!profile.isActive) {
      throw new DomainError('CONFLICT', { code: 'DEFAULT_PROFILE_INACTIVE', params: { name: profile.name }, message: `Activate "${profile.name}" before making it the default profile.` });
    }
    if (profile.isDefault) return profile;
    await tx.profiles.setDefaultServerProfile(environmentId, id,
      auditEntry(deps, actor, environmentId, profile, 'update', [{ field: 'isDefault', before: false, after: true }]));
    return (await tx.profiles.findServerProfile(environmentId, id))!;
  });
}

export async function deleteServerProfile(deps: ServerProfileDeps, actor: Actor, environmentId: string, id: string) {
  await loadReachable(deps, actor, environmentId, id, 'emailServerProfile.write');
  await deps.unitOfWork.run(async (tx) => {
    await tx.profiles.lockEnvironmentProfiles(environmentId);
    const profile = await tx.profiles.findServerProfile(environmentId, id);
    if (!profile) throw notFound('SERVER_PROFILE_NOT_FOUND', 'The email server profile');
    if (profile.isDefault && (await tx.profiles.countServerProfiles(environmentId)) > 1) {
      throw new DomainError(
        'DEFAULT_PROFILE_REQUIRED',
        { code: 'DEFAULT_PROFILE_DELETE_DENIED', params: { name: profile.name }, message: `"${profile.name}" is the default profile for new mailboxes. Set another profile as default before deleting it.` },
      );
    }
    const mailboxCount = await tx.profiles.countMailboxesUsingServerProfile(id);
    if (mailboxCount > 0) {
      throw new DomainError(
        'CONFLICT',
        {
          code: 'SERVER_PROFILE_IN_USE', params: { count: mailboxCount, name: profile.name },
          message: `${mailboxCount} mailbox${mailboxCount === 1 ? ' uses' : 'es use'} "${profile.name}". Move them to another profile before deleting it.`,
        },
      );
    }
    await tx.profiles.deleteServerProfile(environmentId, id, auditEntry(deps, actor, environmentId, profile, 'delete', []));
  });
}


/** Runs a real connection check against the profile's Exchange server and keeps the result on the profile. */
export async function testServerProfileConnection(
  deps: ServerProfileDeps & { probe: ServerProfileConnectionProbe },
  actor: Actor,
  environmentId: string,
  id: string,
  mailboxAddress: string | null,
): Promise<ServerProfile> {
  const profile = await loadReachable(deps, actor, environmentId, id, 'emailServerProfile.write');
  const secrets = await deps.profiles.findServerProfileSecrets(id);
  const lastTest = await deps.probe.testConnection({ settings: pickServerProfileSettings(profile), secrets, mailboxAddress });
  await deps.profiles.recordServerProfileTest(id, lastTest);
  return { ...profile, lastTest };
}
