import { Badge } from '@fluentui/react-components';
import { ErrorCircleFilled, InfoFilled, WarningFilled } from '@fluentui/react-icons';
import { ALERT_SEVERITY_LABELS } from '@sync-admin/contract';
import type { ReactElement } from 'react';
import type { AlertSeverity } from '../api/get-alerts.ts';

const APPEARANCE: Record<AlertSeverity, { color: 'danger' | 'warning' | 'brand'; icon: ReactElement }> = {
  error: { color: 'danger', icon: <ErrorCircleFilled /> },
  warning: { color: 'warning', icon: <WarningFilled /> },
  information: { color: 'brand', icon: <InfoFilled /> },
};

/** Error, Warning or Information, with the icon the admin center uses for each. */
export function AlertSeverityBadge({ severity }: { severity: AlertSeverity }) {
  const { color, icon } = APPEARANCE[severity];
  return (
    <Badge appearance="tint" color={color} icon={icon}>
      {ALERT_SEVERITY_LABELS[severity]}
    </Badge>
  );
}
