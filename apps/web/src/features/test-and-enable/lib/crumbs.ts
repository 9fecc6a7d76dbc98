import type { Crumb } from '../../../components/page-header.tsx';
import { paths } from '../../../config/paths.ts';
import { i18next } from '../../../lib/i18n.ts';

// Called while a page renders, so the labels are in the language shown.
export const jobsCrumbs = (environmentId: string): Crumb[] => [
  { label: i18next.t('common:nav.settings') },
  { label: i18next.t('common:nav.email') },
  { label: i18next.t('common:nav.pages.testAndEnableJobs'), href: paths.jobs.getHref(environmentId) },
];
