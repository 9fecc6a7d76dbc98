import { Badge } from '@fluentui/react-components';
import type { ServerProfileResponse } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';

type TestStatus = NonNullable<ServerProfileResponse['lastTest']>['status'];

/** Seed 001's status values, with the badge colour each takes. */
export const TEST_STATUSES: Record<TestStatus, { labelKey: string; color: 'success' | 'warning' | 'danger' }> = {
  success: { labelKey: 'server-profiles:testStatus.success', color: 'success' },
  warning: { labelKey: 'server-profiles:testStatus.warning', color: 'warning' },
  failure: { labelKey: 'server-profiles:testStatus.failure', color: 'danger' },
};

export function TestStatusBadge({ status }: { status: TestStatus }) {
  const { t } = useTranslation('server-profiles');
  return (
    <Badge appearance="tint" color={TEST_STATUSES[status].color}>
      {t(TEST_STATUSES[status].labelKey)}
    </Badge>
  );
}
