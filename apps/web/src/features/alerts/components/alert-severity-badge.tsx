import { Badge } from '@fluentui/react-components';
import { ErrorCircleFilled, InfoFilled, WarningFilled } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertSeverity } from '../api/get-alerts.ts';

const APPEARANCE: Record<AlertSeverity, { color: 'danger' | 'warning' | 'brand'; icon: ReactElement }> = {
  error: { color: 'danger', icon: <ErrorCircleFilled /> },
  warning: { color: 'warning', icon: <WarningFilled /> },
  information: { color: 'brand', icon: <InfoFilled /> },
};

/** Error, Warning or Information, with the icon the admin center uses for each. */
export function AlertSeverityBadge({ severity }: { severity: AlertSeverity }) {
  const labels = useSeverityLabels();
  const { color, icon } = APPEARANCE[severity];
  return (
    <Badge appearance="tint" color={color} icon={icon}>
      {labels[severity]}
    </Badge>
  );
}

/** Each severity's name in the language shown (the contract's labels are the English ones). */
export function useSeverityLabels(): Record<AlertSeverity, string> {
  const { t } = useTranslation('alerts');
  return { error: t('severity.error'), warning: t('severity.warning'), information: t('severity.information') };
}
