export type ServerProfileView = 'active' | 'inactive' | 'all';

const serverProfilesBase = (environmentId: string) =>
  `/environments/${encodeURIComponent(environmentId)}/settings/email/server-profiles`;

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
} as const;

/** Only same-origin paths may be redirected to after sign-in, never another site. */
export function safeRedirect(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : paths.home.getHref();
}
