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
import type { MouseEvent } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { paths } from '../../config/paths.ts';
import { useEnvironments } from '../../features/environments/api/get-environments.ts';

/** Which entry a page belongs to: the first whose path prefix the location starts with. */
const SECTIONS = [
  { value: 'server-profiles', segment: '/settings/email/server-profiles' },
  { value: 'email-settings', segment: '/settings/email/email-settings' },
  { value: 'mailboxes', segment: '/settings/email/mailboxes' },
  { value: 'jobs', segment: '/settings/email/test-and-enable-jobs' },
  { value: 'domain-health', segment: '/settings/email/domain-health' },
  { value: 'security-roles', segment: '/settings/users-permissions/security-roles' },
  { value: 'users', segment: '/settings/users-permissions/users' },
  { value: 'teams', segment: '/settings/users-permissions/teams' },
  { value: 'alerts', segment: '/alerts' },
  { value: 'audit-log', segment: '/settings/audit-log' },
  { value: 'error-help', segment: '/help/errors' },
] as const;

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
  const target = environmentId ?? environments.data?.items[0]?.id;
  const selectedValue = pathname === paths.environments.getHref()
    ? 'environments'
    : SECTIONS.find((section) => pathname.includes(section.segment))?.value;

  // Keeps the real hrefs (open in new tab works) while navigating inside the SPA on a plain click.
  const go = (href: string) => (event: MouseEvent<HTMLElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(href);
    overlay?.onClose();
  };
  const sub = (value: string, href: string, label: string) => (
    <NavSubItem value={value} href={href} onClick={go(href)}>{label}</NavSubItem>
  );

  return (
    <NavDrawer
      open={overlay ? overlay.isOpen : true}
      type={overlay ? 'overlay' : 'inline'}
      onOpenChange={(_, data) => !data.open && overlay?.onClose()}
      selectedValue={selectedValue}
      defaultOpenCategories={['email', 'users-permissions']}
      aria-label="Admin center"
    >
      <NavDrawerBody>
        <NavItem value="environments" icon={<GlobeRegular />} href={paths.environments.getHref()} onClick={go(paths.environments.getHref())}>
          Environments
        </NavItem>
        {target && (
          <>
            <NavItem value="alerts" icon={<AlertRegular />} href={paths.alerts.getHref(target)} onClick={go(paths.alerts.getHref(target))}>
              Alerts
            </NavItem>
            <NavSectionHeader>Settings</NavSectionHeader>
            <NavCategory value="email">
              <NavCategoryItem icon={<MailSettingsRegular />}>Email</NavCategoryItem>
              <NavSubItemGroup>
                {sub('server-profiles', paths.serverProfiles.getHref(target), 'Server profiles')}
                {sub('email-settings', paths.emailSettings.getHref(target), 'Email settings')}
                {sub('mailboxes', paths.mailboxes.getHref(target), 'Mailboxes')}
                {sub('jobs', paths.jobs.getHref(target), 'Test & Enable jobs')}
                {sub('domain-health', paths.domainHealth.getHref(target), 'Domain health')}
              </NavSubItemGroup>
            </NavCategory>
            <NavCategory value="users-permissions">
              <NavCategoryItem icon={<PeopleSettingsRegular />}>Users + permissions</NavCategoryItem>
              <NavSubItemGroup>
                {sub('security-roles', paths.securityRoles.getHref(target), 'Security roles')}
                {sub('users', paths.users.getHref(target), 'Users')}
                {sub('teams', paths.teams.getHref(target), 'Teams')}
              </NavSubItemGroup>
            </NavCategory>
            <NavItem value="audit-log" icon={<HistoryRegular />} href={paths.auditLog.getHref(target)} onClick={go(paths.auditLog.getHref(target))}>
              Audit log
            </NavItem>
          </>
        )}
        <NavItem value="error-help" icon={<QuestionCircleRegular />} href={paths.errorCatalog.getHref()} onClick={go(paths.errorCatalog.getHref())}>
          Exchange errors
        </NavItem>
      </NavDrawerBody>
    </NavDrawer>
  );
}
