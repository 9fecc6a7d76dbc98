import { Badge } from '@fluentui/react-components';
import { EXCHANGE_ERROR_CLASS_LABELS, type ExchangeErrorDefinition } from '@sync-admin/contract';

export function ErrorClassBadge({ errorClass }: { errorClass: ExchangeErrorDefinition['errorClass'] }) {
  return (
    <Badge appearance="tint" color={errorClass === 'transient' ? 'warning' : 'danger'}>
      {EXCHANGE_ERROR_CLASS_LABELS[errorClass]}
    </Badge>
  );
}
