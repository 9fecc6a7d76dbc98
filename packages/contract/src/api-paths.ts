/** Every API path in one place, for the server's route table and the web client alike. */
export const apiPaths = {
  health: '/api/health',
  session: '/api/session',
  environments: '/api/environments',
  serverProfiles: (environmentId: string) => `/api/environments/${environmentId}/server-profiles`,
  serverProfile: (environmentId: string, profileId: string) =>
    `/api/environments/${environmentId}/server-profiles/${profileId}`,
  serverProfileAction: (environmentId: string, profileId: string, action: 'activate' | 'deactivate' | 'set-default' | 'test-connection') =>
    `/api/environments/${environmentId}/server-profiles/${profileId}/${action}`,
} as const;
