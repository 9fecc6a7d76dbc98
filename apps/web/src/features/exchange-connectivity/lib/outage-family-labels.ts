import type { OutageFamily } from '@sync-admin/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Each outage family's name in the language shown (the contract's labels are the English ones). */
export function useOutageFamilyLabels(): Record<OutageFamily, string> {
  const { t } = useTranslation('exchange-connectivity');
  return useMemo(
    () => ({
      serverBusy: t('outageFamily.serverBusy'),
      serviceUnavailable: t('outageFamily.serviceUnavailable'),
      unreachable: t('outageFamily.unreachable'),
      tokenService: t('outageFamily.tokenService'),
    }),
    [t],
  );
}
