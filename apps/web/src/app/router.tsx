import { RouterProvider, createBrowserRouter } from 'react-router';
import { NotFound } from '../components/not-found.tsx';
import { paths } from '../config/paths.ts';
import { RequireSession } from '../features/auth/components/require-session.tsx';
import { EnvironmentsRoute } from './routes/environments.tsx';
import { HomeRoute } from './routes/home.tsx';
import { NewServerProfileRoute } from './routes/new-server-profile.tsx';
import { ServerProfileRoute } from './routes/server-profile.tsx';
import { ServerProfilesRoute } from './routes/server-profiles.tsx';
import { SignInRoute } from './routes/sign-in.tsx';
import { EmailSettingsRoute } from './routes/email-settings.tsx';
import { MailboxesRoute } from './routes/mailboxes.tsx';
import { NewMailboxRoute } from './routes/new-mailbox.tsx';
import { MailboxRoute } from './routes/mailbox.tsx';
import { SecurityRolesRoute } from './routes/security-roles.tsx';
import { SecurityRoleRoute } from './routes/security-role.tsx';
import { UsersRoute } from './routes/users.tsx';
import { TeamsRoute } from './routes/teams.tsx';
import { AlertsRoute } from './routes/alerts.tsx';
import { AuditLogRoute } from './routes/audit-log.tsx';
import { JobsRoute } from './routes/jobs.tsx';
import { JobRoute } from './routes/job.tsx';
import { ErrorCatalogRoute } from './routes/error-catalog.tsx';
import { ErrorHelpRoute } from './routes/error-help.tsx';
import { AppShell } from './shell/app-shell.tsx';

const router = createBrowserRouter([
  { path: paths.signIn.path, element: <SignInRoute /> },
  {
    path: paths.home.path,
    element: (
      <RequireSession>
        <AppShell />
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
      { path: paths.errorCatalog.path, element: <ErrorCatalogRoute /> },
      { path: paths.errorHelp.path, element: <ErrorHelpRoute /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
