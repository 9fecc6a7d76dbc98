import type { Crumb } from '../../../components/page-header.tsx';
import { paths } from '../../../config/paths.ts';

export const jobsCrumbs = (environmentId: string): Crumb[] => [
  { label: 'Settings' },
  { label: 'Email' },
  { label: 'Test & Enable jobs', href: paths.jobs.getHref(environmentId) },
];
