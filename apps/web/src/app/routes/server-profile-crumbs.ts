import type { Crumb } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';

export const serverProfilesCrumbs = (environmentId: string): Crumb[] => [
  { label: 'Settings' },
  { label: 'Email' },
  { label: 'Server profiles', href: paths.serverProfiles.getHref(environmentId) },
];
