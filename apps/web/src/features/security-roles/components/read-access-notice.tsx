import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** Shown instead of a page of Users + permissions to someone who can't read security roles. */
export function ReadAccessNotice() {
  const { t } = useTranslation('security-roles');
  return (
    <MessageBar intent="info">
      <MessageBarBody>{t('readRequired')}</MessageBarBody>
    </MessageBar>
  );
}
