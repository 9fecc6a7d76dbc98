import type { ServerProfileView } from '../../../config/paths.ts';

/** One prefix per environment, so any write can refresh every list and detail of that environment at once. */
export const serverProfileKeys = {
  all: (environmentId: string) => ['environments', environmentId, 'server-profiles'] as const,
  list: (environmentId: string, view: ServerProfileView) =>
    [...serverProfileKeys.all(environmentId), 'list', view] as const,
  detail: (environmentId: string, profileId: string) =>
    [...serverProfileKeys.all(environmentId), 'detail', profileId] as const,
};
