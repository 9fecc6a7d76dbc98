import { Badge } from '@fluentui/react-components';
import { CheckmarkCircleFilled, ErrorCircleFilled, WarningFilled } from '@fluentui/react-icons';
import { HEALTH_VERDICT_LABELS, type HealthVerdict } from '@sync-admin/contract';
import type { ReactElement } from 'react';

const APPEARANCE: Record<HealthVerdict, { color: 'success' | 'warning' | 'danger'; icon: ReactElement }> = {
  pass: { color: 'success', icon: <CheckmarkCircleFilled /> },
  warn: { color: 'warning', icon: <WarningFilled /> },
  fail: { color: 'danger', icon: <ErrorCircleFilled /> },
};

/** Pass, Warning or Fail, with an icon, so the verdict does not rest on colour alone. */
export function VerdictBadge({ verdict }: { verdict: HealthVerdict }) {
  const { color, icon } = APPEARANCE[verdict];
  return (
    <Badge appearance="tint" color={color} icon={icon}>
      {HEALTH_VERDICT_LABELS[verdict]}
    </Badge>
  );
}
