import {
  NavCategory,
  NavCategoryItem,
  NavDrawer,
  NavDrawerBody,
  NavItem,
  NavSectionHeader,
  NavSubItem,
  NavSubItemGroup,
} from '@fluentui/react-components';
import {
  AlertRegular,
  GlobeRegular,
  HistoryRegular,
  MailSettingsRegular,
  PeopleSettingsRegular,
  QuestionCircleRegular,
} from '@fluentui/react-icons';
import type { PortalPage } from '@sync-admin/contract';
import type { MouseEvent, ReactElement } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { paths } from '../../config/paths.ts';
import { PORTAL_PAGE_LINKS, findPortalPage } from '../../config/portal-pages.ts';
import { useEnvironments } from '../../features/environments/api/get-environments.ts';

const EMAIL_PAGES: readonly PortalPage[] = ['serverProfiles', 'emailSettings', 'mailboxes', 'testAndEnableJobs', 'domainHealth'];
const USERS_PERMISSIONS_PAGES: readonly PortalPage[] = ['securityRoles', 'users', 'teams'];

interface Props {
  /** On narrow screens the drawer opens over the page and closes once an entry is chosen; null keeps it inline. */
  overlay: { isOpen: boolean; onClose: () => void } | null;
}

/** Left navigation of the admin center, trimmed to the area this portal re-creates. */
export function NavMenu({ overlay }: Props) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { environmentId } = useParams();
  const environments = useEnvironments();
  const items = environments.data?.items ?? [];
  const target = items.find((environment) => environment.id === environmentId) ?? items[0];
  const selectedValue = pathname === paths.environments.getHref()
    ? 'environments'
    : pathname.startsWith(paths.errorCatalog.getHref()) ? 'error-help' : findPortalPage(pathname) ?? undefined;

  // Keeps the real hrefs (open in new tab works) while navigating inside the SPA on a plain click.
  const go = (href: string) => (event: MouseEvent<HTMLElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(href);
    overlay?.onClose();
  };
  // Only the pages the API says this user may open here are listed.
  const openable = (pages: readonly PortalPage[]) => pages.filter((page) => target?.pages.includes(page));
  const emailPages = openable(EMAIL_PAGES);
  const usersPermissionsPages = openable(USERS_PERMISSIONS_PAGES);
  const hrefOf = (page: PortalPage) => PORTAL_PAGE_LINKS[page].getHref(target?.id ?? '');
  const sub = (page: PortalPage) => (
    <NavSubItem key={page} value={page} href={hrefOf(page)} onClick={go(hrefOf(page))}>{PORTAL_PAGE_LINKS[page].label}</NavSubItem>
  );
  const item = (page: PortalPage, icon: ReactElement) => target?.pages.includes(page) && (
    <NavItem value={page} icon={icon} href={hrefOf(page)} onClick={go(hrefOf(page))}>{PORTAL_PAGE_LINKS[page].label}</NavItem>
  );

  return (
    <NavDrawer
      open={overlay ? overlay.isOpen : true}
      type={overlay ? 'overlay' : 'inline'}
      onOpenChange={(_, data) => !data.open && overlay?.onClose()}
      selectedValue={selectedValue}
      defaultOpenCategories={['email', 'users-permissions']}
      // Over the page the drawer is a modal dialog holding the navigation (as microsoft/fluentui#34942 does):
      // aria-modal is only allowed on a dialog, not on a navigation landmark.
      {...(overlay ? { role: 'dialog', 'aria-label': 'Navigation' } : { 'aria-label': 'Admin center' })}
    >
      <NavDrawerBody {...(overlay ? { role: 'navigation', 'aria-label': 'Admin center' } : {})}>
        <NavItem value="environments" icon={<GlobeRegular />} href={paths.environments.getHref()} onClick={go(paths.environments.getHref())}>
          Environments
        </NavItem>
        {target && (
          <>
            {item('alerts', <AlertRegular />)}
            {(emailPages.length > 0 || usersPermissionsPages.length > 0) && <NavSectionHeader>Settings</NavSectionHeader>}
            {emailPages.length > 0 && (
              <NavCategory value="email">
                <NavCategoryItem icon={<MailSettingsRegular />}>Email</NavCategoryItem>
                <NavSubItemGroup>{emailPages.map(sub)}</NavSubItemGroup>
              </NavCategory>
            )}
            {usersPermissionsPages.length > 0 && (
              <NavCategory value="users-permissions">
                <NavCategoryItem icon={<PeopleSettingsRegular />}>Users + permissions</NavCategoryItem>
                <NavSubItemGroup>{usersPermissionsPages.map(sub)}</NavSubItemGroup>
              </NavCategory>
            )}
            {item('auditLog', <HistoryRegular />)}
          </>
        )}
        <NavItem value="error-help" icon={<QuestionCircleRegular />} href={paths.errorCatalog.getHref()} onClick={go(paths.errorCatalog.getHref())}>
          Exchange errors
        </NavItem>
      </NavDrawerBody>
    </NavDrawer>
  );
}
