// Here, not in auth.ts: auth.ts builds schemas, and the web's API client, on every page, needs only this name.
/** The header that carries the session's CSRF token on every request that changes something. */
export const CSRF_HEADER = 'x-csrf-token';

/** Every API path in one place, for the server's route table and the web client alike. */
export const apiPaths = {
  health: '/api/health',
  session: '/api/session',
  environments: '/api/environments',
  serverProfiles: (environmentId: string) => `/api/environments/${environmentId}/server-profiles`,
  serverProfileExport: (environmentId: string) => `/api/environments/${environmentId}/server-profiles/export`,
  serverProfile: (environmentId: string, profileId: string) =>
    `/api/environments/${environmentId}/server-profiles/${profileId}`,
  serverProfileAction: (environmentId: string, profileId: string, action: 'activate' | 'deactivate' | 'set-default' | 'test-connection' | 'test-and-enable-mailboxes' | 'retest-failed') =>
    `/api/environments/${environmentId}/server-profiles/${profileId}/${action}`,
  mailboxes: (environmentId: string) => `/api/environments/${environmentId}/mailboxes`,
  mailboxExport: (environmentId: string) => `/api/environments/${environmentId}/mailboxes/export`,
  mailboxImport: (environmentId: string) => `/api/environments/${environmentId}/mailboxes/import`,
  mailboxImportPreview: (environmentId: string) => `/api/environments/${environmentId}/mailboxes/import/preview`,
  mailbox: (environmentId: string, mailboxId: string) => `/api/environments/${environmentId}/mailboxes/${mailboxId}`,
  mailboxApproval: (environmentId: string, mailboxId: string) => `/api/environments/${environmentId}/mailboxes/${mailboxId}/approval`,
  mailboxTestConnection: (environmentId: string, mailboxId: string) => `/api/environments/${environmentId}/mailboxes/${mailboxId}/test-connection`,
  mailboxAction: (environmentId: string, action: 'apply-default-email-settings' | 'change-multiple' | 'approve-email' | 'test-and-enable' | 'retest-failed') =>
    `/api/environments/${environmentId}/mailbox-actions/${action}`,
  approveEmailAvailability: (environmentId: string) => `/api/environments/${environmentId}/mailbox-actions/approve-email/availability`,
  emailSettings: (environmentId: string) => `/api/environments/${environmentId}/email-settings`,
  securityRoles: (environmentId: string) => `/api/environments/${environmentId}/security-roles`,
  securityRolePrivilege: (environmentId: string, roleId: string, privilege: string) =>
    `/api/environments/${environmentId}/security-roles/${roleId}/privileges/${privilege}`,
  users: (environmentId: string) => `/api/environments/${environmentId}/users`,
  userSecurityRoles: (environmentId: string, userId: string) => `/api/environments/${environmentId}/users/${userId}/security-roles`,
  teams: (environmentId: string) => `/api/environments/${environmentId}/teams`,
  teamSecurityRoles: (environmentId: string, teamId: string) => `/api/environments/${environmentId}/teams/${teamId}/security-roles`,
  alerts: (environmentId: string) => `/api/environments/${environmentId}/alerts`,
  alertGroups: (environmentId: string) => `/api/environments/${environmentId}/alerts/groups`,
  alertExport: (environmentId: string) => `/api/environments/${environmentId}/alerts/export`,
  audit: (environmentId: string) => `/api/environments/${environmentId}/audit`,
  auditExport: (environmentId: string) => `/api/environments/${environmentId}/audit/export`,
  jobs: (environmentId: string) => `/api/environments/${environmentId}/jobs`,
  job: (environmentId: string, jobId: string) => `/api/environments/${environmentId}/jobs/${jobId}`,
  jobItems: (environmentId: string, jobId: string) => `/api/environments/${environmentId}/jobs/${jobId}/items`,
  jobCancel: (environmentId: string, jobId: string) => `/api/environments/${environmentId}/jobs/${jobId}/cancel`,
  healthDashboard: (environmentId: string) => `/api/environments/${environmentId}/health-dashboard`,
  domainHealth: (environmentId: string) => `/api/environments/${environmentId}/domain-health`,
  domainHealthRun: (environmentId: string) => `/api/environments/${environmentId}/domain-health/run`,
  domainHealthHistory: (environmentId: string, domain: string) => `/api/environments/${environmentId}/domain-health/${domain}/history`,
} as const;
