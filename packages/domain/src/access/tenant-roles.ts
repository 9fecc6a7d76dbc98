/** Microsoft 365 tenant roles, held outside any environment (seed 000, "Terminology"). */
export const TENANT_ROLES = ['globalAdmin', 'exchangeAdmin'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

export const TENANT_ROLE_LABELS: Record<TenantRole, string> = {
  globalAdmin: 'Global admin',
  exchangeAdmin: 'Exchange admin',
};
