import { mergePrivileges, PRIVILEGES, type Privilege, type PrivilegeDepth, type PrivilegeSet } from '@sync-admin/domain';

function isPrivilege(value: string): value is Privilege {
  return (PRIVILEGES as readonly string[]).includes(value);
}

/** RolePrivilege rows → the deepest depth per privilege; a name this release does not know is ignored. */
export function toPrivilegeSet(rows: Iterable<{ privilege: string; depth: PrivilegeDepth }>): PrivilegeSet {
  return mergePrivileges([...rows].flatMap((row) => (isPrivilege(row.privilege) ? [{ privilege: row.privilege, depth: row.depth }] : [])));
}
