import {
  Nav,
  NavCategory,
  NavCategoryItem,
  NavItem,
  NavSectionHeader,
  NavSubItem,
  NavSubItemGroup,
  makeStyles,
  tokens,
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

// The spacing and colours of Fluent's NavDrawer and NavDrawerBody, without the Drawer (and its Dialog) they are
// built on: the inline navigation is on every first screen (decision 53).
const useStyles = makeStyles({
  nav: {
    width: '260px',
    flexGrow: 1,
    boxSizing: 'border-box',
    overflowY: 'auto',
    rowGap: tokens.spacingVerticalXXS,
    padding: `calc(${tokens.spacingHorizontalXXL} + 1px) ${tokens.spacingHorizontalXS} calc(${tokens.spacingHorizontalXXL} + 1px) ${tokens.spacingHorizontalMNudge}`,
    backgroundColor: tokens.colorNeutralBackground4,
  },
});

interface Props {
  /** Called once an entry is chosen: the drawer of narrow screens closes. */
  onNavigate?: () => void;
}

/** Left navigation of the admin center, trimmed to the area this portal re-creates. */
export function NavMenu({ onNavigate }: Props) {
  const styles = useStyles();
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
    onNavigate?.();
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
    <Nav
      className={styles.nav}
      role="navigation"
      aria-label="Admin center"
      selectedValue={selectedValue}
      defaultOpenCategories={['email', 'users-permissions']}
    >
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
    </Nav>
  );
}
