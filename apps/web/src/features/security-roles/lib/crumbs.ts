import type { Crumb } from '../../../components/page-header.tsx';
import { PORTAL_PAGE_LINKS } from '../../../config/portal-pages.ts';
import { paths } from '../../../config/paths.ts';
import { i18next } from '../../../lib/i18n.ts';

type UsersPermissionsPage = 'securityRoles' | 'users' | 'teams';

/** Settings > Users + permissions > (page), in the language shown (called while a page renders). */
export const usersPermissionsCrumbs = (environmentId: string, page: UsersPermissionsPage): Crumb[] => [
  { label: i18next.t('common:nav.settings') },
  { label: i18next.t('common:nav.usersPermissions') },
  { label: i18next.t(PORTAL_PAGE_LINKS[page].labelKey), href: paths[page].getHref(environmentId) },
];
