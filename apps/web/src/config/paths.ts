export type ServerProfileView = 'active' | 'inactive' | 'all';

const serverProfilesBase = (environmentId: string) =>
  `/environments/${encodeURIComponent(environmentId)}/settings/email/server-profiles`;

const environmentBase = (environmentId: string) => `/environments/${encodeURIComponent(environmentId)}`;
const mailboxesBase = (environmentId: string) => `${environmentBase(environmentId)}/settings/email/mailboxes`;
const usersPermissionsBase = (environmentId: string) => `${environmentBase(environmentId)}/settings/users-permissions`;
const jobsBase = (environmentId: string) => `${environmentBase(environmentId)}/settings/email/test-and-enable-jobs`;

/** Optional query-string parameters, left out when unset so plain pages keep plain URLs. */
const withQuery = (base: string, params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `${base}?${text}` : base;
};

/** Every route of the SPA, with helpers that build links so no screen spells a URL by hand. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  signIn: {
    path: '/sign-in',
    getHref: (redirectTo?: string) =>
      redirectTo && redirectTo !== '/' ? `/sign-in?redirectTo=${encodeURIComponent(redirectTo)}` : '/sign-in',
  },
  environments: { path: '/environments', getHref: () => '/environments' },
  serverProfiles: {
    path: '/environments/:environmentId/settings/email/server-profiles',
    getHref: (environmentId: string, view: ServerProfileView = 'active') =>
      view === 'active' ? serverProfilesBase(environmentId) : `${serverProfilesBase(environmentId)}?view=${view}`,
  },
  newServerProfile: {
    path: '/environments/:environmentId/settings/email/server-profiles/new',
    getHref: (environmentId: string) => `${serverProfilesBase(environmentId)}/new`,
  },
  serverProfile: {
    path: '/environments/:environmentId/settings/email/server-profiles/:profileId',
    getHref: (environmentId: string, profileId: string) =>
      `${serverProfilesBase(environmentId)}/${encodeURIComponent(profileId)}`,
  },
  emailSettings: {
    path: '/environments/:environmentId/settings/email/email-settings',
    getHref: (environmentId: string) => `${environmentBase(environmentId)}/settings/email/email-settings`,
  },
  /** The view and filters travel in the query string (see features/mailboxes). */
  mailboxes: {
    path: '/environments/:environmentId/settings/email/mailboxes',
    getHref: (environmentId: string, search = '') => `${mailboxesBase(environmentId)}${search ? `?${search}` : ''}`,
  },
  newMailbox: {
    path: '/environments/:environmentId/settings/email/mailboxes/new',
    getHref: (environmentId: string, type: 'user' | 'queue' = 'user') => `${mailboxesBase(environmentId)}/new?type=${type}`,
  },
  mailbox: {
    path: '/environments/:environmentId/settings/email/mailboxes/:mailboxId',
    getHref: (environmentId: string, mailboxId: string, tab?: 'alerts' | 'audit') =>
      `${mailboxesBase(environmentId)}/${encodeURIComponent(mailboxId)}${tab ? `?tab=${tab}` : ''}`,
  },
  securityRoles: {
    path: '/environments/:environmentId/settings/users-permissions/security-roles',
    getHref: (environmentId: string) => `${usersPermissionsBase(environmentId)}/security-roles`,
  },
  securityRole: {
    path: '/environments/:environmentId/settings/users-permissions/security-roles/:roleId',
    getHref: (environmentId: string, roleId: string) => `${usersPermissionsBase(environmentId)}/security-roles/${encodeURIComponent(roleId)}`,
  },
  users: {
    path: '/environments/:environmentId/settings/users-permissions/users',
    getHref: (environmentId: string) => `${usersPermissionsBase(environmentId)}/users`,
  },
  teams: {
    path: '/environments/:environmentId/settings/users-permissions/teams',
    getHref: (environmentId: string) => `${usersPermissionsBase(environmentId)}/teams`,
  },
  alerts: {
    path: '/environments/:environmentId/alerts',
    getHref: (environmentId: string) => `${environmentBase(environmentId)}/alerts`,
  },
  /** The job filter and page travel in the query string, so a reload keeps what is watched. */
  jobs: {
    path: '/environments/:environmentId/settings/email/test-and-enable-jobs',
    getHref: (environmentId: string, query: { state?: string; page?: number } = {}) => withQuery(jobsBase(environmentId), query),
  },
  job: {
    path: '/environments/:environmentId/settings/email/test-and-enable-jobs/:jobId',
    getHref: (environmentId: string, jobId: string, query: { state?: string; page?: number } = {}) =>
      withQuery(`${jobsBase(environmentId)}/${encodeURIComponent(jobId)}`, query),
  },
  emailHealth: {
    path: '/environments/:environmentId/settings/email/health',
    getHref: (environmentId: string) => `${environmentBase(environmentId)}/settings/email/health`,
  },
  domainHealth: {
    path: '/environments/:environmentId/settings/email/domain-health',
    getHref: (environmentId: string) => `${environmentBase(environmentId)}/settings/email/domain-health`,
  },
  errorCatalog: { path: '/help/errors', getHref: () => '/help/errors' },
  errorHelp: {
    path: '/help/errors/:code',
    getHref: (code: string) => `/help/errors/${encodeURIComponent(code)}`,
  },
  auditLog: {
    path: '/environments/:environmentId/settings/audit-log',
    getHref: (environmentId: string) => `${environmentBase(environmentId)}/settings/audit-log`,
  },
} as const;

/** Only same-origin paths may be redirected to after sign-in, never another site. */
export function safeRedirect(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : paths.home.getHref();
}
