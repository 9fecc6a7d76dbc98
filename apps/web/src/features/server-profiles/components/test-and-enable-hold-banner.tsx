import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ServerProfileResponse } from '@sync-admin/contract';
import { Trans, useTranslation } from 'react-i18next';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { ErrorCodeLink } from '../../exchange-connectivity/components/error-code-link.tsx';
import { useOutageFamilyLabels } from '../../exchange-connectivity/lib/outage-family-labels.ts';

/** Said when the outage rule holds the profile's Test & Enable work; it goes away when the work resumes. */
export function TestAndEnableHoldBanner({ hold }: { hold: NonNullable<ServerProfileResponse['testAndEnableHold']> }) {
  const { t } = useTranslation('server-profile-form');
  const families = useOutageFamilyLabels();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('hold.title', { family: families[hold.family] })}</MessageBarTitle>
        <Trans
          t={t}
          i18nKey="hold.text"
          components={{ since: <RelativeTime iso={hold.heldAt} />, help: <ErrorCodeLink code="ExchangeOutage" /> }}
        />
      </MessageBarBody>
    </MessageBar>
  );
}
