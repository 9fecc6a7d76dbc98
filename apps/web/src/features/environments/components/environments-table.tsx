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
import { landingHref } from '../../../config/portal-pages.ts';
import { RouterLink } from '../../../components/router-link.tsx';

export function EnvironmentsTable({ environments }: { environments: EnvironmentResponse[] }) {
  if (environments.length === 0) return <Text>You don&apos;t have access to any environment.</Text>;
  return (
    <Table aria-label="Environments">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Customer Engagement</TableHeaderCell>
          <TableHeaderCell>Your security roles</TableHeaderCell>
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
