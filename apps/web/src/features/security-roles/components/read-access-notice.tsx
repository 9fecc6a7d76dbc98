import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { SECURITY_ROLE_READ_REQUIRED } from '../lib/access.ts';

/** Shown instead of a page of Users + permissions to someone who can't read security roles. */
export function ReadAccessNotice() {
  return (
    <MessageBar intent="info">
      <MessageBarBody>{SECURITY_ROLE_READ_REQUIRED}</MessageBarBody>
    </MessageBar>
  );
}
