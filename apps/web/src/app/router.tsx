import { Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
// The DOM build hands the router ReactDOM.flushSync, so a navigation can ask to commit at once (the Mailboxes filters).
import { RouterProvider } from 'react-router/dom';
import { LoadingSpinner } from '../components/loading-spinner.tsx';
import { NotFound } from '../components/not-found.tsx';
import { paths } from '../config/paths.ts';
import { RequireSession } from '../features/auth/components/require-session.tsx';

/**
 * Each page is its own chunk, fetched when first opened: the sign-in page and the first screen load only
 * their own code (bench/web-bundle.bench.ts measures it, e2e/web-bundle-budget.spec.ts holds the budget).
 */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const EnvironmentsRoute = lazyPage(() => import('./routes/environments.tsx'), 'EnvironmentsRoute');
const HomeRoute = lazyPage(() => import('./routes/home.tsx'), 'HomeRoute');
const NewServerProfileRoute = lazyPage(() => import('./routes/new-server-profile.tsx'), 'NewServerProfileRoute');
const ServerProfileRoute = lazyPage(() => import('./routes/server-profile.tsx'), 'ServerProfileRoute');
const ServerProfilesRoute = lazyPage(() => import('./routes/server-profiles.tsx'), 'ServerProfilesRoute');
const SignInRoute = lazyPage(() => import('./routes/sign-in.tsx'), 'SignInRoute');
const EmailSettingsRoute = lazyPage(() => import('./routes/email-settings.tsx'), 'EmailSettingsRoute');
const MailboxesRoute = lazyPage(() => import('./routes/mailboxes.tsx'), 'MailboxesRoute');
const NewMailboxRoute = lazyPage(() => import('./routes/new-mailbox.tsx'), 'NewMailboxRoute');
const MailboxRoute = lazyPage(() => import('./routes/mailbox.tsx'), 'MailboxRoute');
const SecurityRolesRoute = lazyPage(() => import('./routes/security-roles.tsx'), 'SecurityRolesRoute');
const SecurityRoleRoute = lazyPage(() => import('./routes/security-role.tsx'), 'SecurityRoleRoute');
const UsersRoute = lazyPage(() => import('./routes/users.tsx'), 'UsersRoute');
const TeamsRoute = lazyPage(() => import('./routes/teams.tsx'), 'TeamsRoute');
const AlertsRoute = lazyPage(() => import('./routes/alerts.tsx'), 'AlertsRoute');
const AuditLogRoute = lazyPage(() => import('./routes/audit-log.tsx'), 'AuditLogRoute');
const JobsRoute = lazyPage(() => import('./routes/jobs.tsx'), 'JobsRoute');
const JobRoute = lazyPage(() => import('./routes/job.tsx'), 'JobRoute');
const EmailHealthRoute = lazyPage(() => import('./routes/email-health.tsx'), 'EmailHealthRoute');
const DomainHealthRoute = lazyPage(() => import('./routes/domain-health.tsx'), 'DomainHealthRoute');
const ErrorCatalogRoute = lazyPage(() => import('./routes/error-catalog.tsx'), 'ErrorCatalogRoute');
const ErrorHelpRoute = lazyPage(() => import('./routes/error-help.tsx'), 'ErrorHelpRoute');
const AppShell = lazyPage(() => import('./shell/app-shell.tsx'), 'AppShell');

// The shell has its own boundary around the page, so opening another page keeps the top bar and navigation.
const loading = (children: ReactNode) => <Suspense fallback={<LoadingSpinner />}>{children}</Suspense>;

const router = createBrowserRouter([
  { path: paths.signIn.path, element: loading(<SignInRoute />) },
  {
    path: paths.home.path,
    element: (
      <RequireSession>
        {loading(<AppShell />)}
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomeRoute /> },
      { path: paths.environments.path, element: <EnvironmentsRoute /> },
      { path: paths.serverProfiles.path, element: <ServerProfilesRoute /> },
      { path: paths.newServerProfile.path, element: <NewServerProfileRoute /> },
      { path: paths.serverProfile.path, element: <ServerProfileRoute /> },
      { path: paths.emailSettings.path, element: <EmailSettingsRoute /> },
      { path: paths.mailboxes.path, element: <MailboxesRoute /> },
      { path: paths.newMailbox.path, element: <NewMailboxRoute /> },
      { path: paths.mailbox.path, element: <MailboxRoute /> },
      { path: paths.securityRoles.path, element: <SecurityRolesRoute /> },
      { path: paths.securityRole.path, element: <SecurityRoleRoute /> },
      { path: paths.users.path, element: <UsersRoute /> },
      { path: paths.teams.path, element: <TeamsRoute /> },
      { path: paths.alerts.path, element: <AlertsRoute /> },
      { path: paths.auditLog.path, element: <AuditLogRoute /> },
      { path: paths.jobs.path, element: <JobsRoute /> },
      { path: paths.job.path, element: <JobRoute /> },
      { path: paths.emailHealth.path, element: <EmailHealthRoute /> },
      { path: paths.domainHealth.path, element: <DomainHealthRoute /> },
      { path: paths.errorCatalog.path, element: <ErrorCatalogRoute /> },
      { path: paths.errorHelp.path, element: <ErrorHelpRoute /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
