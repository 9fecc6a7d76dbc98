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
import { GlobeRegular, MailSettingsRegular } from '@fluentui/react-icons';
import type { MouseEvent } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { paths } from '../../config/paths.ts';
import { useEnvironments } from '../../features/environments/api/get-environments.ts';

/** Left navigation of the admin center, trimmed to the area this portal re-creates. */
export function NavMenu() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { environmentId } = useParams();
  const environments = useEnvironments();
  const targetEnvironment = environmentId ?? environments.data?.items[0]?.id;
  const serverProfilesHref = targetEnvironment ? paths.serverProfiles.getHref(targetEnvironment) : undefined;
  const selectedValue = pathname.includes('/settings/email/server-profiles')
    ? 'server-profiles'
    : pathname === paths.environments.getHref()
      ? 'environments'
      : undefined;

  // Keeps the real hrefs (open in new tab works) while navigating inside the SPA on a plain click.
  const go = (href: string) => (event: MouseEvent<HTMLElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(href);
  };

  return (
    <NavDrawer open type="inline" selectedValue={selectedValue} defaultOpenCategories={['email']} aria-label="Admin center">
      <NavDrawerBody>
        <NavItem value="environments" icon={<GlobeRegular />} href={paths.environments.getHref()} onClick={go(paths.environments.getHref())}>
          Environments
        </NavItem>
        <NavSectionHeader>Settings</NavSectionHeader>
        <NavCategory value="email">
          <NavCategoryItem icon={<MailSettingsRegular />}>Email</NavCategoryItem>
          <NavSubItemGroup>
            {serverProfilesHref && (
              <NavSubItem value="server-profiles" href={serverProfilesHref} onClick={go(serverProfilesHref)}>
                Server profiles
              </NavSubItem>
            )}
          </NavSubItemGroup>
        </NavCategory>
      </NavDrawerBody>
    </NavDrawer>
  );
}
