import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { CUSTOMER_ENGAGEMENT_LABELS, type EnvironmentResponse } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { landingHref } from '../../../config/portal-pages.ts';
import { RouterLink } from '../../../components/router-link.tsx';

export function EnvironmentsTable({ environments }: { environments: EnvironmentResponse[] }) {
  const { t } = useTranslation('environments');
  if (environments.length === 0) return <Text>{t('none')}</Text>;
  return (
    <Table aria-label={t('common:nav.environments')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('columns.name')}</TableHeaderCell>
          <TableHeaderCell>{t('columns.customerEngagement')}</TableHeaderCell>
          <TableHeaderCell>{t('columns.roles')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {environments.map((environment) => (
          <TableRow key={environment.id}>
            <TableCell>
              <RouterLink to={landingHref(environment)}>{environment.name}</RouterLink>
            </TableCell>
            <TableCell>{CUSTOMER_ENGAGEMENT_LABELS[environment.customerEngagement]}</TableCell>
            <TableCell>{environment.securityRoles.join(', ') || '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
