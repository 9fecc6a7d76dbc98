import { Navigate, RouterProvider, createBrowserRouter } from 'react-router';
import { paths } from '../config/paths.ts';
import { RequireSession } from '../features/auth/components/require-session.tsx';
import { EnvironmentsRoute } from './routes/environments.tsx';
import { HomeRoute } from './routes/home.tsx';
import { NewServerProfileRoute } from './routes/new-server-profile.tsx';
import { ServerProfileRoute } from './routes/server-profile.tsx';
import { ServerProfilesRoute } from './routes/server-profiles.tsx';
import { SignInRoute } from './routes/sign-in.tsx';
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
      { path: '*', element: <Navigate to={paths.home.getHref()} replace /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
