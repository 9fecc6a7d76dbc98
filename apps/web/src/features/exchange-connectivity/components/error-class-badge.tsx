import { Badge } from '@fluentui/react-components';
import type { ExchangeErrorDefinition } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';

export function ErrorClassBadge({ errorClass }: { errorClass: ExchangeErrorDefinition['errorClass'] }) {
  const { t } = useTranslation('exchange-connectivity');
  return (
    <Badge appearance="tint" color={errorClass === 'transient' ? 'warning' : 'danger'}>
      {errorClass === 'transient' ? t('class.transient') : t('class.permanent')}
    </Badge>
  );
}
