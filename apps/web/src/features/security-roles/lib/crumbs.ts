import type { Crumb } from '../../../components/page-header.tsx';
import { paths } from '../../../config/paths.ts';

type UsersPermissionsPage = 'securityRoles' | 'users' | 'teams';

const PAGE_LABELS: Record<UsersPermissionsPage, string> = {
  securityRoles: 'Security roles',
  users: 'Users',
  teams: 'Teams',
};

/** Settings > Users + permissions > (page). */
export const usersPermissionsCrumbs = (environmentId: string, page: UsersPermissionsPage): Crumb[] => [
  { label: 'Settings' },
  { label: 'Users + permissions' },
  { label: PAGE_LABELS[page], href: paths[page].getHref(environmentId) },
];
