import { PRIVILEGES, PRIVILEGE_DEPTHS, TENANT_ROLES } from '@sync-admin/domain';
import { z } from 'zod/mini';
import { text } from './primitives.ts';

export const securityRoleSchema = z.object({
  id: text(),
  name: text(),
  isBuiltIn: z.boolean(),
  privileges: z.partialRecord(z.enum(PRIVILEGES), z.enum(PRIVILEGE_DEPTHS)),
  userCount: z.number(),
  teamCount: z.number(),
  /** Why the signed-in user cannot give this role to a user or to a team (seed 000, 0x80090904/5); null when they can. */
  assignmentDenial: z.object({ user: z.nullable(text()), team: z.nullable(text()) }),
});
export type SecurityRoleResponse = z.infer<typeof securityRoleSchema>;
export const securityRoleListResponseSchema = z.object({ items: z.array(securityRoleSchema) });
export type SecurityRoleListResponse = z.infer<typeof securityRoleListResponseSchema>;

export const securityRolePrivilegeParamsSchema = z.object({
  environmentId: z.uuid('environmentId must be a UUID.'),
  roleId: z.uuid('roleId must be a UUID.'),
  privilege: z.enum(PRIVILEGES),
});
/** The privilege level; null removes the privilege from the role. */
export const setRolePrivilegeRequestSchema = z.strictObject({ depth: z.nullable(z.enum(PRIVILEGE_DEPTHS)) });

export const directoryUserSchema = z.object({
  id: text(),
  email: text(),
  fullName: text(),
  tenantRoles: z.array(z.enum(TENANT_ROLES)),
  roleIds: z.array(text()),
  teamIds: z.array(text()),
});
export type DirectoryUserResponse = z.infer<typeof directoryUserSchema>;
export const directoryUserListResponseSchema = z.object({ items: z.array(directoryUserSchema) });
export type DirectoryUserListResponse = z.infer<typeof directoryUserListResponseSchema>;

export const teamSchema = z.object({
  id: text(),
  name: text(),
  members: z.array(z.object({ id: text(), fullName: text() })),
  roleIds: z.array(text()),
});
export type TeamResponse = z.infer<typeof teamSchema>;
export const teamListResponseSchema = z.object({ items: z.array(teamSchema) });
export type TeamListResponse = z.infer<typeof teamListResponseSchema>;

export const userParamsSchema = z.object({ environmentId: z.uuid('environmentId must be a UUID.'), userId: z.uuid('userId must be a UUID.') });
export const teamParamsSchema = z.object({ environmentId: z.uuid('environmentId must be a UUID.'), teamId: z.uuid('teamId must be a UUID.') });
/** Manage roles: the complete set of roles held directly afterwards. */
export const setSecurityRolesRequestSchema = z.strictObject({ roleIds: z.array(z.uuid('Each role id must be a UUID.')).check(z.maxLength(100)) });
export type SetSecurityRolesRequest = z.infer<typeof setSecurityRolesRequestSchema>;
