import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { OUTAGE_FAMILY_LABELS, type ServerProfileResponse } from '@sync-admin/contract';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { ErrorCodeLink } from '../../exchange-connectivity/components/error-code-link.tsx';

/** Said when the outage rule holds the profile's Test & Enable work; it goes away when the work resumes. */
export function TestAndEnableHoldBanner({ hold }: { hold: NonNullable<ServerProfileResponse['testAndEnableHold']> }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Test &amp; Enable is held: {OUTAGE_FAMILY_LABELS[hold.family]}</MessageBarTitle>
        More than half of this profile&apos;s mailboxes tested in the last hour failed with the same temporary error. Their tests are held
        and resume by themselves when Exchange answers again; no mailbox is disabled for it. Held since <RelativeTime iso={hold.heldAt} />.
        See <ErrorCodeLink code="ExchangeOutage" />.
      </MessageBarBody>
    </MessageBar>
  );
}
