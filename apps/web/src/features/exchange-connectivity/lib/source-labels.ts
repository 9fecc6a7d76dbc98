import type { ExchangeErrorDefinition } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';

/** Where an error comes from, in the language shown (the contract's labels are the English ones). */
export function useSourceLabels(): Record<ExchangeErrorDefinition['source'], string> {
  const { t } = useTranslation('exchange-connectivity');
  return {
    ews: t('source.ews'),
    http: t('source.http'),
    network: t('source.network'),
    tls: t('source.tls'),
    entra: t('source.entra'),
    autodiscover: t('source.autodiscover'),
    configuration: t('source.configuration'),
  };
}
