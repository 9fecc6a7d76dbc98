import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { BUILT_IN_ROLES } from '../access/built-in-roles.ts';
import type { PrivilegeSet } from '../access/privileges.ts';
import { DomainError, type ErrorCode } from '../shared/domain-error.ts';
import type { WriteTransaction } from '../shared/unit-of-work.port.ts';
import { InMemoryServerProfileRepository } from './in-memory-server-profile.repository.test-support.ts';
import type { ServerProfileConnectionProbe, ServerProfileConnectionTarget } from './server-profile-connection.port.ts';
import { EXCHANGE_ONLINE_EWS_URL, newServerProfileSettings, type ServerProfileLastTest, type ServerProfileSettings } from './server-profile.ts';
import {
  createServerProfile,
  deleteServerProfile,
  getServerProfile,
  listServerProfiles,
  setDefaultServerProfile,
  setServerProfileActive,
  testServerProfileConnection,
  updateServerProfile as updateServerProfileAtVersion,
  type ServerProfileChannel,
  type ServerProfileDeps,
  type ServerProfileChanges,
} from './server-profile.use-cases.ts';

/** The English sentences, as the API has always sent them; their codes are tested beside the rules. */
import type { FieldError } from '../shared/domain-error.ts';

const englishOf = (errors: readonly FieldError[]) => errors.map(({ field, message }) => ({ field, message }));

const NOW = new Date('2026-11-23T10:00:00Z');
const ENV = 'env-contoso';
const OTHER_ENV = 'env-fabrikam';
const HTTPS: ServerProfileChannel = { isSecureChannel: true, allowCredentialsEntryViaNonSecureChannels: false };
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APPLICATION_ID = '0a1b2c3d-4e5f-6789-abcd-ef0123456789';

function actor(userId: string, privileges: PrivilegeSet): Actor {
  return { userId, email: `${userId}@contoso.com`, tenantRoles: [], securityRoles: [], privileges };
}

const admin = actor('admin', BUILT_IN_ROLES.systemAdministrator);
const support = actor('support', BUILT_IN_ROLES.support);
const basicUser = actor('basic', BUILT_IN_ROLES.basicUser);
/** Reads and writes only the profiles they own. */
const userDepth = actor('owner-u', { 'emailServerProfile.read': 'user', 'emailServerProfile.write': 'user' });
/** Reads every profile, writes only their own. */
const readAllWriteOwn = actor('owner-w', { 'emailServerProfile.read': 'organization', 'emailServerProfile.write': 'user' });

function exchangeOnline(name: string, overrides: Partial<ServerProfileSettings> = {}): ServerProfileChanges {
  return { settings: { ...newServerProfileSettings('exchangeOnline'), name, ...overrides }, secrets: {}, isDefault: false };
}

function oauthCrossTenant(name: string, clientSecret: string): ServerProfileChanges {
  return {
    settings: {
      ...newServerProfileSettings('exchangeOnline'),
      name,
      authenticationType: 'oauthCrossTenant',
      tenantId: TENANT_ID,
      applicationId: APPLICATION_ID,
    },
    secrets: { clientSecret },
    isDefault: false,
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a DomainError, but the call succeeded.');
}

async function expectDomainError(promise: Promise<unknown>, code: ErrorCode, field?: string): Promise<DomainError> {
  const error = await rejectionOf(promise);
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.fieldErrors.map((e) => e.field)).toContain(field);
  return error;
}

/** An update by someone who just read the profile (the version they send is the current one). */
async function updateServerProfile(deps: ServerProfileDeps, who: Actor, environmentId: string, id: string, changes: ServerProfileChanges, channel: ServerProfileChannel) {
  const version = (await deps.profiles.findServerProfile(environmentId, id))?.version ?? 0;
  return updateServerProfileAtVersion(deps, who, environmentId, id, { ...changes, version }, channel);
}

let repo: InMemoryServerProfileRepository;
let deps: ServerProfileDeps;

beforeEach(() => {
  repo = new InMemoryServerProfileRepository();
  // A policy that refuses the private network, as the ews package's does for hosts not allowed.
  deps = {
    profiles: repo, clock: () => NOW,
    // The in-memory repository runs one call at a time: its "transaction" is the work itself.
    unitOfWork: { run: (work) => work({ profiles: repo } as unknown as WriteTransaction) },
    outbound: { checkDestination: async (url) => (new URL(url).hostname.startsWith('10.') ? { code: 'DestinationNotAllowed', message: `${url} resolves to a private address.` } : null) },
  };
});

async function defaultIds(environmentId = ENV): Promise<string[]> {
  return (await repo.listServerProfiles(environmentId, {})).filter((p) => p.isDefault).map((p) => p.id);
}

describe('createServerProfile', () => {
  it('makes the first profile of an environment its default, even when not asked to', async () => {
    const first = await createServerProfile(deps, admin, ENV, exchangeOnline('Primary'), HTTPS);
    expect(first.isDefault).toBe(true);
    expect(await defaultIds()).toEqual([first.id]);
  });

  it.each<[string, boolean, 'first' | 'second']>([
    ['a second profile not asked to be default leaves the first as default', false, 'first'],
    ['a second profile created with isDefault true takes over as default', true, 'second'],
  ])('%s', async (_name, isDefault, expectedDefault) => {
    const first = await createServerProfile(deps, admin, ENV, exchangeOnline('Primary'), HTTPS);
    const second = await createServerProfile(deps, admin, ENV, { ...exchangeOnline('Secondary'), isDefault }, HTTPS);
    expect(await defaultIds()).toEqual([expectedDefault === 'first' ? first.id : second.id]);
    expect(second.isDefault).toBe(isDefault);
  });

  it('makes the first profile of each environment its default independently', async () => {
    const a = await createServerProfile(deps, admin, ENV, exchangeOnline('Primary'), HTTPS);
    const b = await createServerProfile(deps, admin, OTHER_ENV, exchangeOnline('Primary'), HTTPS);
    expect(a.isDefault).toBe(true);
    expect(b.isDefault).toBe(true);
  });

  it.each<[string, string, string]>([
    ['the same name', 'Primary', 'Primary'],
    ['the same name with surrounding spaces', '  Primary  ', 'Primary'],
    ['the same name in another case', 'PRIMARY', 'PRIMARY'],
  ])('refuses %s in the same environment, on field name', async (_name, duplicate, quoted) => {
    await createServerProfile(deps, admin, ENV, exchangeOnline('Primary'), HTTPS);
    const error = await expectDomainError(createServerProfile(deps, admin, ENV, exchangeOnline(duplicate), HTTPS), 'VALIDATION_FAILED');
    expect(englishOf(error.fieldErrors)).toEqual([{ field: 'name', message: `A server profile named "${quoted}" already exists in this environment.` }]);
    expect(await repo.countServerProfiles(ENV)).toBe(1);
  });

  it('accepts the same name in another environment', async () => {
    await createServerProfile(deps, admin, ENV, exchangeOnline('Primary'), HTTPS);
    const other = await createServerProfile(deps, admin, OTHER_ENV, exchangeOnline('Primary'), HTTPS);
    expect(other.name).toBe('Primary');
    expect(other.environmentId).toBe(OTHER_ENV);
  });

  it.each<[string, Actor]>([
    ['Support (read only)', support],
    ['Basic User (no profile privileges)', basicUser],
    ['Delegated Mailbox Approver', actor('approver', BUILT_IN_ROLES.delegatedMailboxApprover)],
  ])('denies %s without Write on Email Server Profile, and stores nothing', async (_name, who) => {
    await expectDomainError(createServerProfile(deps, who, ENV, exchangeOnline('Primary'), HTTPS), 'ACCESS_DENIED');
    expect(await repo.countServerProfiles(ENV)).toBe(0);
  });

  it('lets a User-depth writer create a profile they then own', async () => {
    const created = await createServerProfile(deps, userDepth, ENV, exchangeOnline('Mine'), HTTPS);
    expect(created.ownerId).toBe(userDepth.userId);
  });

  it('reports validation errors with their fields and stores nothing', async () => {
    const input: ServerProfileChanges = { settings: newServerProfileSettings('exchangeServer'), secrets: {}, isDefault: false };
    const error = await expectDomainError(createServerProfile(deps, admin, ENV, input, HTTPS), 'VALIDATION_FAILED');
    expect(englishOf(error.fieldErrors)).toEqual([{ field: 'name', message: 'Name is required.' }]);
    expect(error.message).toBe('Name is required.');
    expect(await repo.countServerProfiles(ENV)).toBe(0);
  });

  it('stores the normalized profile: trimmed name, Exchange Online locations filled in', async () => {
    const created = await createServerProfile(deps, admin, ENV, exchangeOnline('  Spaced  ', { incomingPort: 25 }), HTTPS);
    expect(created.name).toBe('Spaced');
    expect(created.incomingServerLocation).toBe(EXCHANGE_ONLINE_EWS_URL);
    expect(created.incomingPort).toBe(443);
  });

  it('stores a new client secret, and reports it as set', async () => {
    const created = await createServerProfile(deps, admin, ENV, oauthCrossTenant('Cross tenant', 's3cret'), HTTPS);
    expect(created.secretsSet).toEqual({ clientSecret: true, incomingPassword: false, outgoingPassword: false });
    expect(repo.storedSecrets(created.id).clientSecret).toBe('s3cret');
  });

  it('requires a client secret for a new Oauth (Cross Tenant) profile, since none is stored', async () => {
    const input = oauthCrossTenant('Cross tenant', 'x');
    const error = await expectDomainError(createServerProfile(deps, admin, ENV, { ...input, secrets: {} }, HTTPS), 'VALIDATION_FAILED');
    expect(englishOf(error.fieldErrors)).toEqual([{ field: 'clientSecret', message: 'Client Secret is required.' }]);
  });

  it('refuses profile credentials typed over HTTP unless the deployment allows it', async () => {
    const input: ServerProfileChanges = {
      settings: {
        ...newServerProfileSettings('exchangeServer'),
        name: 'On-premises',
        authenticateUsing: 'credentialsSpecifiedInEmailServerProfile',
        incomingUserName: 'svc@contoso.com',
      },
      secrets: { incomingPassword: 'p' },
      isDefault: false,
    };
    const http: ServerProfileChannel = { isSecureChannel: false, allowCredentialsEntryViaNonSecureChannels: false };
    await expectDomainError(createServerProfile(deps, admin, ENV, input, http), 'VALIDATION_FAILED', 'incomingUserName');
    const allowed = await createServerProfile(deps, admin, ENV, input, { ...http, allowCredentialsEntryViaNonSecureChannels: true });
    expect(allowed.secretsSet.incomingPassword).toBe(true);
  });
});

describe('updateServerProfile at a version', () => {
  it('refuses a version someone else replaced, changing nothing, and writes only the fields that differ', async () => {
    const created = await createServerProfile(deps, admin, ENV, exchangeOnline('Primary'), HTTPS);
    const saved = await updateServerProfileAtVersion(deps, admin, ENV, created.id, { settings: { description: 'First' }, secrets: {}, version: created.version }, HTTPS);
    expect(saved.version).toBe(created.version + 1);
    const stale = await expectDomainError(
      updateServerProfileAtVersion(deps, admin, ENV, created.id, { settings: { description: 'Second' }, secrets: {}, version: created.version }, HTTPS), 'STALE_RECORD');
    expect(stale.message).toMatch(/^Someone else changed this email server profile after you opened it, so nothing was saved\. Reload/);
    expect((await repo.findServerProfile(ENV, created.id))!.description).toBe('First');
    expect(repo.auditEntries.at(-1)!.changes).toEqual([{ field: 'description', before: '', after: 'First' }]);
  });
});

describe('server locations the portal may not reach', () => {
  const onPremises = (incomingServerLocation: string): ServerProfileChanges => ({
    settings: { ...newServerProfileSettings('exchangeServer'), name: 'On-premises', useAutoDiscover: false, authenticateUsing: 'credentialsSpecifiedByUserOrQueue', incomingServerLocation, outgoingServerLocation: 'https://mail.contoso.com/EWS/Exchange.asmx' },
    secrets: {},
  });

  it('refuses a location the outbound policy refuses, naming the field, and saves nothing', async () => {
    const error = await expectDomainError(createServerProfile(deps, admin, ENV, onPremises('https://10.0.0.5/EWS/Exchange.asmx'), HTTPS), 'VALIDATION_FAILED', 'incomingServerLocation');
    expect(englishOf(error.fieldErrors)).toEqual([{ field: 'incomingServerLocation', message: 'https://10.0.0.5/EWS/Exchange.asmx resolves to a private address.' }]);
    expect(await repo.listServerProfiles(ENV, {})).toEqual([]);
  });

  it('checks only locations that change, so other edits stay possible after the policy tightens', async () => {
    const created = await createServerProfile(deps, admin, ENV, onPremises('https://mail.contoso.com/EWS/Exchange.asmx'), HTTPS);
    await expectDomainError(updateServerProfile(deps, admin, ENV, created.id, { settings: { incomingServerLocation: 'https://10.1.1.1/EWS/Exchange.asmx' }, secrets: {} }, HTTPS), 'VALIDATION_FAILED', 'incomingServerLocation');
    const renamed = await updateServerProfile(deps, admin, ENV, created.id, { settings: { description: 'Main site' }, secrets: {} }, HTTPS);
    expect(renamed.description).toBe('Main site');
  });
});

describe('listServerProfiles and getServerProfile', () => {
  let ownProfileId: string;
  let othersProfileId: string;

  beforeEach(async () => {
    othersProfileId = (await createServerProfile(deps, admin, ENV, exchangeOnline('Admin profile'), HTTPS)).id;
    ownProfileId = (await createServerProfile(deps, userDepth, ENV, exchangeOnline('Own profile'), HTTPS)).id;
  });

  it.each<[string, Actor, string[]]>([
    ['Organization-depth reader sees every profile', support, ['Admin profile', 'Own profile']],
    ['User-depth reader sees only their own profiles', userDepth, ['Own profile']],
  ])('%s', async (_name, who, names) => {
    const listed = await listServerProfiles(deps, who, ENV, {});
    expect(listed.map((p) => p.name)).toEqual(names);
  });

  it('denies listing without Read on Email Server Profile', async () => {
    await expectDomainError(listServerProfiles(deps, basicUser, ENV, {}), 'ACCESS_DENIED');
  });

  it('filters by active state', async () => {
    await setServerProfileActive(deps, admin, ENV, ownProfileId, false);
    expect((await listServerProfiles(deps, admin, ENV, { isActive: true })).map((p) => p.id)).toEqual([othersProfileId]);
    expect((await listServerProfiles(deps, admin, ENV, { isActive: false })).map((p) => p.id)).toEqual([ownProfileId]);
  });

  it('lets a User-depth reader get their own profile', async () => {
    expect((await getServerProfile(deps, userDepth, ENV, ownProfileId)).id).toBe(ownProfileId);
  });

  it.each<[string, () => Promise<unknown>]>([
    ['get', () => getServerProfile(deps, userDepth, ENV, othersProfileId)],
    ['update', () => updateServerProfile(deps, userDepth, ENV, othersProfileId, { ...exchangeOnline('Renamed'), isDefault: true }, HTTPS)],
    ['deactivate', () => setServerProfileActive(deps, userDepth, ENV, othersProfileId, false)],
    ['set as default', () => setDefaultServerProfile(deps, userDepth, ENV, othersProfileId)],
    ['delete', () => deleteServerProfile(deps, userDepth, ENV, othersProfileId)],
  ])('reports someone else’s profile as NOT_FOUND to a User-depth reader (%s)', async (_name, call) => {
    await expectDomainError(call(), 'NOT_FOUND');
    expect(repo.has(othersProfileId)).toBe(true);
  });

  it.each<[string, () => Promise<unknown>]>([
    ['get with an unknown id', () => getServerProfile(deps, admin, ENV, 'profile-404')],
    ['get from the wrong environment', () => getServerProfile(deps, admin, OTHER_ENV, othersProfileId)],
  ])('reports NOT_FOUND: %s', async (_name, call) => {
    await expectDomainError(call(), 'NOT_FOUND');
  });

  it.each<[string, () => Promise<unknown>]>([
    ['update', () => updateServerProfile(deps, readAllWriteOwn, ENV, othersProfileId, { ...exchangeOnline('Renamed'), isDefault: true }, HTTPS)],
    ['deactivate', () => setServerProfileActive(deps, readAllWriteOwn, ENV, othersProfileId, false)],
    ['delete', () => deleteServerProfile(deps, readAllWriteOwn, ENV, othersProfileId)],
    ['update by Support', () => updateServerProfile(deps, support, ENV, othersProfileId, { ...exchangeOnline('Renamed'), isDefault: true }, HTTPS)],
  ])('denies changing a readable profile without Write that reaches it (%s)', async (_name, call) => {
    await expectDomainError(call(), 'ACCESS_DENIED');
    expect((await repo.findServerProfile(ENV, othersProfileId))?.name).toBe('Admin profile');
  });
});

describe('active state and default profile', () => {
  let defaultId: string;
  let otherId: string;

  beforeEach(async () => {
    defaultId = (await createServerProfile(deps, admin, ENV, exchangeOnline('Default'), HTTPS)).id;
    otherId = (await createServerProfile(deps, admin, ENV, exchangeOnline('Other'), HTTPS)).id;
  });

  it('refuses to deactivate the default profile', async () => {
    await expectDomainError(setServerProfileActive(deps, admin, ENV, defaultId, false), 'DEFAULT_PROFILE_REQUIRED');
    expect((await repo.findServerProfile(ENV, defaultId))?.isActive).toBe(true);
  });

  it('deactivates and reactivates a profile that is not the default', async () => {
    expect((await setServerProfileActive(deps, admin, ENV, otherId, false)).isActive).toBe(false);
    expect((await repo.findServerProfile(ENV, otherId))?.isActive).toBe(false);
    expect((await setServerProfileActive(deps, admin, ENV, otherId, true)).isActive).toBe(true);
    expect((await repo.findServerProfile(ENV, otherId))?.isActive).toBe(true);
  });

  it('refuses to make an inactive profile the default, with CONFLICT', async () => {
    await setServerProfileActive(deps, admin, ENV, otherId, false);
    await expectDomainError(setDefaultServerProfile(deps, admin, ENV, otherId), 'CONFLICT');
    expect(await defaultIds()).toEqual([defaultId]);
  });

  it('moves the default to another active profile', async () => {
    expect((await setDefaultServerProfile(deps, admin, ENV, otherId)).isDefault).toBe(true);
    expect(await defaultIds()).toEqual([otherId]);
    // The former default is now an ordinary profile and can be deactivated.
    await setServerProfileActive(deps, admin, ENV, defaultId, false);
  });

  it('refuses to delete the default profile while other profiles exist', async () => {
    await expectDomainError(deleteServerProfile(deps, admin, ENV, defaultId), 'DEFAULT_PROFILE_REQUIRED');
    expect(repo.has(defaultId)).toBe(true);
  });

  it('deletes the default profile when it is the only one', async () => {
    await deleteServerProfile(deps, admin, ENV, otherId);
    await deleteServerProfile(deps, admin, ENV, defaultId);
    expect(await repo.countServerProfiles(ENV)).toBe(0);
  });

  it.each<[number, string]>([
    [1, '1 mailbox uses "Other". Move them to another profile before deleting it.'],
    [3, '3 mailboxes use "Other". Move them to another profile before deleting it.'],
  ])('refuses to delete a profile used by %i mailbox(es), with CONFLICT', async (count, message) => {
    repo.setMailboxCount(otherId, count);
    const error = await expectDomainError(deleteServerProfile(deps, admin, ENV, otherId), 'CONFLICT');
    expect(error.message).toBe(message);
    expect(repo.has(otherId)).toBe(true);
  });

  it('deletes a profile that is neither default nor used by mailboxes', async () => {
    await deleteServerProfile(deps, admin, ENV, otherId);
    expect(repo.has(otherId)).toBe(false);
    expect(await defaultIds()).toEqual([defaultId]);
  });
});

describe('updateServerProfile', () => {
  it('refuses isDefault false on the default profile, on field isDefault', async () => {
    const created = await createServerProfile(deps, admin, ENV, exchangeOnline('Default'), HTTPS);
    const error = await expectDomainError(
      updateServerProfile(deps, admin, ENV, created.id, { ...exchangeOnline('Default'), isDefault: false }, HTTPS),
      'VALIDATION_FAILED',
    );
    expect(englishOf(error.fieldErrors)).toEqual([
      { field: 'isDefault', message: 'This is the default profile for new mailboxes. Set another profile as default instead.' },
    ]);
    expect(await defaultIds()).toEqual([created.id]);
  });

  it('refuses isDefault true on an inactive profile, on field isDefault', async () => {
    await createServerProfile(deps, admin, ENV, exchangeOnline('Default'), HTTPS);
    const other = await createServerProfile(deps, admin, ENV, exchangeOnline('Other'), HTTPS);
    await setServerProfileActive(deps, admin, ENV, other.id, false);
    const error = await expectDomainError(
      updateServerProfile(deps, admin, ENV, other.id, { ...exchangeOnline('Other'), isDefault: true }, HTTPS),
      'VALIDATION_FAILED',
    );
    expect(englishOf(error.fieldErrors)).toEqual([{ field: 'isDefault', message: 'Activate the profile before making it the default.' }]);
  });

  it('makes an active profile the default when updated with isDefault true', async () => {
    const first = await createServerProfile(deps, admin, ENV, exchangeOnline('Default'), HTTPS);
    const other = await createServerProfile(deps, admin, ENV, exchangeOnline('Other'), HTTPS);
    const updated = await updateServerProfile(deps, admin, ENV, other.id, { ...exchangeOnline('Other'), isDefault: true }, HTTPS);
    expect(updated.isDefault).toBe(true);
    expect(await defaultIds()).toEqual([other.id]);
    expect((await repo.findServerProfile(ENV, first.id))?.isDefault).toBe(false);
  });

  it('keeps its own name without counting itself as a duplicate', async () => {
    const created = await createServerProfile(deps, admin, ENV, exchangeOnline('Default'), HTTPS);
    const updated = await updateServerProfile(
      deps, admin, ENV, created.id, { ...exchangeOnline('Default', { description: 'Changed' }), isDefault: true }, HTTPS,
    );
    expect(updated.description).toBe('Changed');
  });

  it('refuses renaming to another profile’s name, on field name', async () => {
    await createServerProfile(deps, admin, ENV, exchangeOnline('Default'), HTTPS);
    const other = await createServerProfile(deps, admin, ENV, exchangeOnline('Other'), HTTPS);
    await expectDomainError(
      updateServerProfile(deps, admin, ENV, other.id, exchangeOnline('default'), HTTPS),
      'VALIDATION_FAILED',
      'name',
    );
  });

  it('lets the owner with User-depth Write update their own profile', async () => {
    await createServerProfile(deps, admin, ENV, exchangeOnline('Default'), HTTPS);
    const own = await createServerProfile(deps, readAllWriteOwn, ENV, exchangeOnline('Mine'), HTTPS);
    const updated = await updateServerProfile(deps, readAllWriteOwn, ENV, own.id, exchangeOnline('Mine, renamed'), HTTPS);
    expect(updated.name).toBe('Mine, renamed');
  });

  it('refuses changing the Email Server Type, on field serverType, and leaves the profile as it was', async () => {
    const created = await createServerProfile(deps, admin, ENV, exchangeOnline('Online'), HTTPS);
    const input: ServerProfileChanges = {
      settings: { ...newServerProfileSettings('exchangeServer'), name: 'Online' },
      secrets: {},
      isDefault: true,
    };
    const error = await expectDomainError(updateServerProfile(deps, admin, ENV, created.id, input, HTTPS), 'VALIDATION_FAILED');
    expect(englishOf(error.fieldErrors)).toEqual([{ field: 'serverType', message: 'Email Server Type cannot change after the profile is created.' }]);
    expect((await repo.findServerProfile(ENV, created.id))?.serverType).toBe('exchangeOnline');
  });

  describe('stored secrets (secretsStored path)', () => {
    it('keeps the stored client secret when the change omits it', async () => {
      const created = await createServerProfile(deps, admin, ENV, oauthCrossTenant('Cross tenant', 's3cret'), HTTPS);
      const change = oauthCrossTenant('Cross tenant', 'unused');
      const updated = await updateServerProfile(
        deps, admin, ENV, created.id,
        { settings: { ...change.settings, description: 'Edited' }, secrets: {}, isDefault: true },
        HTTPS,
      );
      expect(updated.description).toBe('Edited');
      expect(updated.secretsSet.clientSecret).toBe(true);
      expect(repo.storedSecrets(created.id).clientSecret).toBe('s3cret');
    });

    it('replaces the stored client secret with a new value', async () => {
      const created = await createServerProfile(deps, admin, ENV, oauthCrossTenant('Cross tenant', 's3cret'), HTTPS);
      await updateServerProfile(deps, admin, ENV, created.id, { ...oauthCrossTenant('Cross tenant', 'rotated'), isDefault: true }, HTTPS);
      expect(repo.storedSecrets(created.id).clientSecret).toBe('rotated');
    });

    it.each<[string, string | null]>([
      ['null (clear)', null],
      ['an empty string', ''],
    ])('refuses clearing a required client secret with %s, and keeps the stored one', async (_name, value) => {
      const created = await createServerProfile(deps, admin, ENV, oauthCrossTenant('Cross tenant', 's3cret'), HTTPS);
      const change = oauthCrossTenant('Cross tenant', 'unused');
      const error = await expectDomainError(
        updateServerProfile(deps, admin, ENV, created.id, { ...change, secrets: { clientSecret: value }, isDefault: true }, HTTPS),
        'VALIDATION_FAILED',
      );
      expect(englishOf(error.fieldErrors)).toEqual([{ field: 'clientSecret', message: 'Client Secret is required.' }]);
      expect(repo.storedSecrets(created.id).clientSecret).toBe('s3cret');
    });

    it('clears the stored client secret when switching to S2S auth (Same Tenant)', async () => {
      const created = await createServerProfile(deps, admin, ENV, oauthCrossTenant('Cross tenant', 's3cret'), HTTPS);
      const updated = await updateServerProfile(deps, admin, ENV, created.id, { ...exchangeOnline('Cross tenant'), isDefault: true }, HTTPS);
      expect(updated.authenticationType).toBe('s2sSameTenant');
      expect(updated.tenantId).toBeNull();
      expect(updated.secretsSet.clientSecret).toBe(false);
      expect(repo.storedSecrets(created.id).clientSecret).toBeNull();
    });

    it('keeps a stored incoming password but requires a new outgoing one when outgoing credentials become separate', async () => {
      const base = newServerProfileSettings('exchangeServer');
      const settings: ServerProfileSettings = {
        ...base,
        name: 'On-premises',
        authenticateUsing: 'credentialsSpecifiedInEmailServerProfile',
        incomingUserName: 'svc@contoso.com',
      };
      const created = await createServerProfile(deps, admin, ENV, { settings, secrets: { incomingPassword: 'in' }, isDefault: false }, HTTPS);
      const separate: ServerProfileSettings = { ...settings, useSameSettingsForOutgoing: false, outgoingUserName: 'send@contoso.com' };

      const error = await expectDomainError(
        updateServerProfile(deps, admin, ENV, created.id, { settings: separate, secrets: {}, isDefault: true }, HTTPS),
        'VALIDATION_FAILED',
      );
      expect(englishOf(error.fieldErrors)).toEqual([{ field: 'outgoingPassword', message: 'Outgoing Password is required.' }]);

      await updateServerProfile(deps, admin, ENV, created.id, { settings: separate, secrets: { outgoingPassword: 'out' }, isDefault: true }, HTTPS);
      expect(repo.storedSecrets(created.id)).toEqual({ clientSecret: null, incomingPassword: 'in', outgoingPassword: 'out' });
    });
  });
});

describe('testServerProfileConnection', () => {
  const RESULT: ServerProfileLastTest = {
    status: 'failure',
    startedAt: new Date('2024-05-06T07:08:09Z'),
    durationMs: 1234,
    message: 'The remote server returned an error: (401) Unauthorized.',
    sentence: null,
    errorCode: 'HTTP401',
    trace: null,
  };

  function recordingProbe() {
    const targets: ServerProfileConnectionTarget[] = [];
    const probe: ServerProfileConnectionProbe = {
      testConnection: async (target) => {
        targets.push(target);
        return RESULT;
      },
    };
    return { probe, targets };
  }

  it('hands the probe the settings and decrypted secrets, and records the result on the profile', async () => {
    const created = await createServerProfile(deps, admin, ENV, oauthCrossTenant('Cross tenant', 's3cret'), HTTPS);
    const { probe, targets } = recordingProbe();
    const tested = await testServerProfileConnection({ ...deps, probe }, admin, ENV, created.id, 'someone@fabrikam.com');

    expect(targets).toHaveLength(1);
    expect(targets[0]?.secrets).toEqual({ clientSecret: 's3cret', incomingPassword: null, outgoingPassword: null });
    expect(targets[0]?.mailboxAddress).toBe('someone@fabrikam.com');
    expect(targets[0]?.settings.tenantId).toBe(TENANT_ID);
    // Only settings reach the probe: no ids, owner or secret flags.
    expect(Object.keys(targets[0]?.settings ?? {})).not.toContain('id');
    expect(Object.keys(targets[0]?.settings ?? {})).not.toContain('secretsSet');
    expect(tested.lastTest).toEqual(RESULT);
    expect((await repo.findServerProfile(ENV, created.id))?.lastTest).toEqual(RESULT);
  });

  it.each<[string, Actor, ErrorCode]>([
    ['Support (read only) is denied', support, 'ACCESS_DENIED'],
    ['a User-depth reader gets NOT_FOUND for someone else’s profile', userDepth, 'NOT_FOUND'],
  ])('%s, and the probe is not called', async (_name, who, code) => {
    const created = await createServerProfile(deps, admin, ENV, exchangeOnline('Online'), HTTPS);
    const { probe, targets } = recordingProbe();
    await expectDomainError(testServerProfileConnection({ ...deps, probe }, who, ENV, created.id, null), code);
    expect(targets).toEqual([]);
    expect((await repo.findServerProfile(ENV, created.id))?.lastTest).toBeNull();
  });
});

describe('audit of server profile changes', () => {
  it('records a create with every setting set, secrets masked', async () => {
    const created = await createServerProfile(deps, admin, ENV, oauthCrossTenant('Cross tenant', 's3cret'), HTTPS);
    const [entry] = repo.auditEntries;
    expect(entry).toMatchObject({ environmentId: ENV, at: NOW, actorId: admin.userId, entityType: 'serverProfile', entityId: created.id, entityName: 'Cross tenant', action: 'create' });
    expect(entry!.changes).toContainEqual({ field: 'clientSecret', before: '(not set)', after: '(set)' });
    expect(entry!.changes).toContainEqual({ field: 'isDefault', before: false, after: true });
    expect(JSON.stringify(repo.auditEntries)).not.toContain('s3cret');
  });

  it('records only the fields that changed on update', async () => {
    const created = await createServerProfile(deps, admin, ENV, exchangeOnline('Primary'), HTTPS);
    await updateServerProfile(deps, admin, ENV, created.id, { settings: { description: 'Main tenant', incomingPort: 443 }, secrets: {} }, HTTPS);
    expect(repo.auditEntries.at(-1)).toMatchObject({ action: 'update', changes: [{ field: 'description', before: '', after: 'Main tenant' }] });
  });

  it('records activation, the default switch and deletion', async () => {
    const first = await createServerProfile(deps, admin, ENV, exchangeOnline('Primary'), HTTPS);
    const second = await createServerProfile(deps, admin, ENV, exchangeOnline('Secondary'), HTTPS);
    await setServerProfileActive(deps, admin, ENV, second.id, false);
    await setServerProfileActive(deps, admin, ENV, second.id, true);
    await setDefaultServerProfile(deps, admin, ENV, second.id);
    await deleteServerProfile(deps, admin, ENV, first.id);
    expect(repo.auditEntries.slice(2).map((e) => [e.action, e.entityName, e.changes])).toEqual([
      ['update', 'Secondary', [{ field: 'isActive', before: true, after: false }]],
      ['update', 'Secondary', [{ field: 'isActive', before: false, after: true }]],
      ['update', 'Secondary', [{ field: 'isDefault', before: false, after: true }]],
      ['delete', 'Primary', []],
    ]);
  });
});
