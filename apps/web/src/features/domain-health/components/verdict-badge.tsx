import { Badge } from '@fluentui/react-components';
import { CheckmarkCircleFilled, ErrorCircleFilled, WarningFilled } from '@fluentui/react-icons';
import type { HealthVerdict } from '@sync-admin/contract';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

const APPEARANCE: Record<HealthVerdict, { color: 'success' | 'warning' | 'danger'; icon: ReactElement }> = {
  pass: { color: 'success', icon: <CheckmarkCircleFilled /> },
  warn: { color: 'warning', icon: <WarningFilled /> },
  fail: { color: 'danger', icon: <ErrorCircleFilled /> },
};

/** Pass, Warning or Fail, with an icon, so the verdict does not rest on colour alone. */
export function VerdictBadge({ verdict }: { verdict: HealthVerdict }) {
  const { t } = useTranslation('domain-health');
  const labels: Record<HealthVerdict, string> = { pass: t('verdict.pass'), warn: t('verdict.warn'), fail: t('verdict.fail') };
  const { color, icon } = APPEARANCE[verdict];
  return (
    <Badge appearance="tint" color={color} icon={icon}>
      {labels[verdict]}
    </Badge>
  );
}
