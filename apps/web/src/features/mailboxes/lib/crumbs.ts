import type { TFunction } from 'i18next';
import type { Crumb } from '../../../components/page-header.tsx';
import { paths } from '../../../config/paths.ts';

export const mailboxesCrumbs = (t: TFunction, environmentId: string): Crumb[] => [
  { label: t('common:nav.settings') },
  { label: t('common:nav.email') },
  { label: t('common:nav.pages.mailboxes'), href: paths.mailboxes.getHref(environmentId) },
];
