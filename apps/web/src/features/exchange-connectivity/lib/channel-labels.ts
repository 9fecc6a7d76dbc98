import type { ExchangeChannel } from '@sync-admin/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Each channel's name in the language shown (the contract's labels are the English ones). */
export function useChannelLabels(): Record<ExchangeChannel, string> {
  const { t } = useTranslation('exchange-connectivity');
  // Kept while the language stays, so a grid's columns built from them are too.
  return useMemo(
    () => ({ incoming: t('channel.incoming'), outgoing: t('channel.outgoing'), appointmentsContactsTasks: t('channel.appointmentsContactsTasks') }),
    [t],
  );
}
