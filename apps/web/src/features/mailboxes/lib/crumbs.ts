import type { Crumb } from '../../../components/page-header.tsx';
import { paths } from '../../../config/paths.ts';

export const mailboxesCrumbs = (environmentId: string): Crumb[] => [
  { label: 'Settings' },
  { label: 'Email' },
  { label: 'Mailboxes', href: paths.mailboxes.getHref(environmentId) },
];
