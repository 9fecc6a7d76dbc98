import { TENANT_ROLES } from '@sync-admin/domain';
import { z } from 'zod/mini';
import { text } from './primitives.ts';

export const signInRequestSchema = z.object({
  email: text().check(z.trim(), z.minLength(1, 'Email is required.'), z.maxLength(320)),
  password: text().check(z.minLength(1, 'Password is required.'), z.maxLength(1024)),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const sessionResponseSchema = z.object({
  user: z.object({
    id: text(),
    email: text(),
    fullName: text(),
    tenantRoles: z.array(z.enum(TENANT_ROLES)),
  }),
  /** Sent back in the x-csrf-token header of every state-changing request. */
  csrfToken: text(),
  deployment: z.object({
    /** Whether this request reached the portal over HTTPS or from this machine. */
    isSecureChannel: z.boolean(),
    allowCredentialsEntryViaNonSecureChannels: z.boolean(),
  }),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

