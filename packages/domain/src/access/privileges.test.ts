import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type BuiltInRoleKey } from './built-in-roles.ts';
import {
  canReachRecord,
  hasPrivilege,
  mergePrivileges,
  type Privilege,
  type PrivilegeDepth,
  type PrivilegeSet,
} from './privileges.ts';

type Grant = { privilege: Privilege; depth: PrivilegeDepth };
const grant = (privilege: Privilege, depth: PrivilegeDepth): Grant => ({ privilege, depth });

describe('mergePrivileges', () => {
  it.each<[string, Grant[], PrivilegeSet]>([
    ['no grants give an empty set', [], {}],
    ['a single grant is kept as is', [grant('mailbox.read', 'user')], { 'mailbox.read': 'user' }],
    ['user then organization keeps organization', [grant('mailbox.read', 'user'), grant('mailbox.read', 'organization')], { 'mailbox.read': 'organization' }],
    ['organization then user keeps organization', [grant('mailbox.read', 'organization'), grant('mailbox.read', 'user')], { 'mailbox.read': 'organization' }],
    ['business unit then user keeps business unit', [grant('mailbox.write', 'businessUnit'), grant('mailbox.write', 'user')], { 'mailbox.write': 'businessUnit' }],
    ['user then business unit keeps business unit', [grant('mailbox.write', 'user'), grant('mailbox.write', 'businessUnit')], { 'mailbox.write': 'businessUnit' }],
    ['business unit then organization keeps organization', [grant('approveEmailAddresses', 'businessUnit'), grant('approveEmailAddresses', 'organization')], { approveEmailAddresses: 'organization' }],
    [
      'different privileges are merged independently',
      [
        grant('emailServerProfile.read', 'organization'),
        grant('mailbox.write', 'user'),
        grant('emailServerProfile.read', 'user'),
        grant('mailbox.write', 'businessUnit'),
      ],
      { 'emailServerProfile.read': 'organization', 'mailbox.write': 'businessUnit' },
    ],
  ])('%s', (_name, grants, expected) => {
    expect(mergePrivileges(grants)).toEqual(expected);
  });

  it('accepts any iterable, such as a generator', () => {
    function* grants() {
      yield grant('mailbox.read', 'user');
      yield grant('mailbox.read', 'organization');
    }
    expect(mergePrivileges(grants())).toEqual({ 'mailbox.read': 'organization' });
  });

  it('merges the built-in Basic User and Support roles to the deepest depth of each privilege', () => {
    const grants = (['basicUser', 'support'] as const).flatMap((role) =>
      Object.entries(BUILT_IN_ROLES[role]).map(([privilege, depth]) => grant(privilege as Privilege, depth)),
    );
    expect(mergePrivileges(grants)).toEqual({
      'emailServerProfile.read': 'organization',
      'mailbox.read': 'organization',
      'mailbox.write': 'user',
      'securityRole.read': 'organization',
      'auditHistory.read': 'organization',
    });
  });
});

describe('hasPrivilege', () => {
  it.each<[PrivilegeDepth | undefined, PrivilegeDepth, boolean]>([
    [undefined, 'user', false],
    [undefined, 'organization', false],
    ['user', 'user', true],
    ['user', 'businessUnit', false],
    ['user', 'organization', false],
    ['businessUnit', 'user', true],
    ['businessUnit', 'businessUnit', true],
    ['businessUnit', 'organization', false],
    ['organization', 'user', true],
    ['organization', 'businessUnit', true],
    ['organization', 'organization', true],
  ])('held at %s, asked for at least %s → %s', (held, atLeast, expected) => {
    const privileges: PrivilegeSet = held ? { 'mailbox.write': held } : {};
    expect(hasPrivilege(privileges, 'mailbox.write', atLeast)).toBe(expected);
  });

  it.each<[PrivilegeDepth | undefined, boolean]>([
    [undefined, false],
    ['user', true],
    ['businessUnit', true],
    ['organization', true],
  ])('without atLeast, any depth counts: held at %s → %s', (held, expected) => {
    const privileges: PrivilegeSet = held ? { 'mailbox.read': held } : {};
    expect(hasPrivilege(privileges, 'mailbox.read')).toBe(expected);
  });

  it('does not grant one privilege because another is held', () => {
    expect(hasPrivilege({ 'emailServerProfile.read': 'organization' }, 'emailServerProfile.write')).toBe(false);
  });
});

describe('canReachRecord', () => {
  it.each<[PrivilegeDepth | undefined, 'own' | "someone else's", boolean]>([
    [undefined, 'own', false],
    [undefined, "someone else's", false],
    ['user', 'own', true],
    ['user', "someone else's", false],
    ['businessUnit', 'own', true],
    ['businessUnit', "someone else's", true],
    ['organization', 'own', true],
    ['organization', "someone else's", true],
  ])('held at %s reaching an %s record → %s', (held, whose, expected) => {
    const privileges: PrivilegeSet = held ? { 'emailServerProfile.write': held } : {};
    const ownerId = whose === 'own' ? 'user-a' : 'user-b';
    expect(canReachRecord(privileges, 'emailServerProfile.write', 'user-a', ownerId)).toBe(expected);
  });

  it('checks only the privilege asked for', () => {
    expect(canReachRecord({ 'emailServerProfile.read': 'organization' }, 'emailServerProfile.write', 'a', 'a')).toBe(false);
  });
});

describe('BUILT_IN_ROLES', () => {
  it.each<[BuiltInRoleKey, Privilege, PrivilegeDepth | undefined]>([
    // System Administrator holds everything at Organization (seed 000: "System admin" approves).
    ['systemAdministrator', 'emailServerProfile.read', 'organization'],
    ['systemAdministrator', 'emailServerProfile.write', 'organization'],
    ['systemAdministrator', 'mailbox.read', 'organization'],
    ['systemAdministrator', 'mailbox.write', 'organization'],
    ['systemAdministrator', 'approveEmailAddresses', 'organization'],
    // Service Administrator manages profiles and mailboxes but cannot approve (seed 000: "Service admin" → No).
    ['serviceAdministrator', 'emailServerProfile.write', 'organization'],
    ['serviceAdministrator', 'mailbox.write', 'organization'],
    ['serviceAdministrator', 'approveEmailAddresses', undefined],
    // Delegated Mailbox Approver approves and reads mailboxes, and does not manage profiles.
    ['delegatedMailboxApprover', 'approveEmailAddresses', 'organization'],
    ['delegatedMailboxApprover', 'mailbox.read', 'organization'],
    ['delegatedMailboxApprover', 'emailServerProfile.write', undefined],
    // Support reads and changes nothing.
    ['support', 'emailServerProfile.read', 'organization'],
    ['support', 'mailbox.read', 'organization'],
    ['support', 'emailServerProfile.write', undefined],
    ['support', 'mailbox.write', undefined],
    ['support', 'approveEmailAddresses', undefined],
    // Basic User: seed 000's "a minimum of User-level Write" on their own mailbox.
    ['basicUser', 'mailbox.read', 'user'],
    ['basicUser', 'mailbox.write', 'user'],
    ['basicUser', 'emailServerProfile.read', undefined],
    ['basicUser', 'emailServerProfile.write', undefined],
    ['basicUser', 'approveEmailAddresses', undefined],
  ])('%s holds %s at %s', (role, privilege, depth) => {
    expect(BUILT_IN_ROLES[role][privilege]).toBe(depth);
  });

  it('gives Support no write privilege of any kind', () => {
    const writes = Object.keys(BUILT_IN_ROLES.support).filter((p) => p.endsWith('.write') || p === 'approveEmailAddresses');
    expect(writes).toEqual([]);
  });

  it('lets Basic User write their own mailbox but not someone else’s', () => {
    const basic = BUILT_IN_ROLES.basicUser;
    expect(canReachRecord(basic, 'mailbox.write', 'u1', 'u1')).toBe(true);
    expect(canReachRecord(basic, 'mailbox.write', 'u1', 'u2')).toBe(false);
  });

  it.each<BuiltInRoleKey>(['systemAdministrator', 'delegatedMailboxApprover'])(
    '%s can approve email addresses of any user or queue',
    (role) => {
      expect(hasPrivilege(BUILT_IN_ROLES[role], 'approveEmailAddresses', 'organization')).toBe(true);
    },
  );
});
