import { Badge } from '@fluentui/react-components';
import { TEST_STATUS_LABELS, type ServerProfileResponse } from '@sync-admin/contract';

type TestStatus = NonNullable<ServerProfileResponse['lastTest']>['status'];

const COLORS: Record<TestStatus, 'success' | 'warning' | 'danger'> = {
  success: 'success',
  warning: 'warning',
  failure: 'danger',
};

export function TestStatusBadge({ status }: { status: TestStatus }) {
  return (
    <Badge appearance="tint" color={COLORS[status]}>
      {TEST_STATUS_LABELS[status]}
    </Badge>
  );
}

export const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
