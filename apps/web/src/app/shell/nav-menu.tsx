import {
  Nav,
  makeStyles,
  tokens,
  NavCategory,
  NavCategoryItem,
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
import { useTranslation } from 'react-i18next';
import { lazyComponent } from '../../lib/lazy-component.tsx';

const EMAIL_PAGES: readonly PortalPage[] = ['serverProfiles', 'emailSettings', 'mailboxes', 'emailHealth', 'testAndEnableJobs', 'domainHealth'];
const USERS_PERMISSIONS_PAGES: readonly PortalPage[] = ['securityRoles', 'users', 'teams'];

/** What the entries need to know: the selection, and what a chosen entry does besides navigating. */
interface NavState {
  selectedValue: string | undefined;
  entries: ReactElement;
}

/** The entries, the selected one and how choosing one navigates; `onChosen` runs after (closing an overlay). */
export function useNavEntries(onChosen?: () => void): NavState {
  const { t } = useTranslation();
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
    onChosen?.();
  };
  // Only the pages the API says this user may open here are listed.
  const openable = (pages: readonly PortalPage[]) => pages.filter((page) => target?.pages.includes(page));
  const emailPages = openable(EMAIL_PAGES);
  const usersPermissionsPages = openable(USERS_PERMISSIONS_PAGES);
  const hrefOf = (page: PortalPage) => PORTAL_PAGE_LINKS[page].getHref(target?.id ?? '');
  const sub = (page: PortalPage) => (
    <NavSubItem key={page} value={page} href={hrefOf(page)} onClick={go(hrefOf(page))}>{t(PORTAL_PAGE_LINKS[page].labelKey)}</NavSubItem>
  );
  const item = (page: PortalPage, icon: ReactElement) => target?.pages.includes(page) && (
    <NavItem value={page} icon={icon} href={hrefOf(page)} onClick={go(hrefOf(page))}>{t(PORTAL_PAGE_LINKS[page].labelKey)}</NavItem>
  );

  const entries = (
    <>
      <NavItem value="environments" icon={<GlobeRegular />} href={paths.environments.getHref()} onClick={go(paths.environments.getHref())}>
        {t('nav.environments')}
      </NavItem>
      {target && (
        <>
          {item('alerts', <AlertRegular />)}
          {(emailPages.length > 0 || usersPermissionsPages.length > 0) && <NavSectionHeader>{t('nav.settings')}</NavSectionHeader>}
          {emailPages.length > 0 && (
            <NavCategory value="email">
              <NavCategoryItem icon={<MailSettingsRegular />}>{t('nav.email')}</NavCategoryItem>
              <NavSubItemGroup>{emailPages.map(sub)}</NavSubItemGroup>
            </NavCategory>
          )}
          {usersPermissionsPages.length > 0 && (
            <NavCategory value="users-permissions">
              <NavCategoryItem icon={<PeopleSettingsRegular />}>{t('nav.usersPermissions')}</NavCategoryItem>
              <NavSubItemGroup>{usersPermissionsPages.map(sub)}</NavSubItemGroup>
            </NavCategory>
          )}
          {item('auditLog', <HistoryRegular />)}
        </>
      )}
      <NavItem value="error-help" icon={<QuestionCircleRegular />} href={paths.errorCatalog.getHref()} onClick={go(paths.errorCatalog.getHref())}>
        {t('nav.exchangeErrors')}
      </NavItem>
    </>
  );
  return { selectedValue, entries };
}

// What NavDrawer gives its inline form: 260 px on the navigation's own background, the drawer body's spacing.
const useStyles = makeStyles({
  nav: {
    width: '260px',
    backgroundColor: tokens.colorNeutralBackground4,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalMNudge}`,
    rowGap: tokens.spacingVerticalXXS,
  },
});

export const DEFAULT_OPEN_CATEGORIES = ['email', 'users-permissions'];

/** Left navigation of the admin center, trimmed to the area this portal re-creates: in the page's flow. */
export function NavMenu() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { selectedValue, entries } = useNavEntries();
  return (
    // Nav is a plain container; the landmark is ours to give (NavDrawer's inline form had it).
    <Nav
      role="navigation"
      className={styles.nav}
      selectedValue={selectedValue}
      defaultOpenCategories={DEFAULT_OPEN_CATEGORIES}
      aria-label={t('shell.adminCenter')}
    >
      {entries}
    </Nav>
  );
}

/**
 * Below 1024 px the same navigation opens over the page from the top bar. Its drawer (with Fluent's Dialog and
 * motion) loads when a narrow screen first shows it, so the first screen of a wide one carries none of it.
 */
export const NavMenuOverlay = lazyComponent(() => import('./nav-menu-overlay.tsx').then((module) => module.NavMenuOverlay));
