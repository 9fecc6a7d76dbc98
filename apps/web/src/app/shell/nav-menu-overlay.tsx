import { NavDrawer, NavDrawerBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { DEFAULT_OPEN_CATEGORIES, useNavEntries } from './nav-menu.tsx';

interface Props {
  isOpen: boolean;
  onClose: () => void;
}

/** The navigation over the page on narrow screens; it closes once an entry is chosen. */
export function NavMenuOverlay({ isOpen, onClose }: Props) {
  const { t } = useTranslation();
  const { selectedValue, entries } = useNavEntries(onClose);
  return (
    <NavDrawer
      open={isOpen}
      type="overlay"
      onOpenChange={(_, data) => !data.open && onClose()}
      selectedValue={selectedValue}
      defaultOpenCategories={DEFAULT_OPEN_CATEGORIES}
      // Over the page the drawer is a modal dialog holding the navigation (as microsoft/fluentui#34942 does):
      // aria-modal is only allowed on a dialog, not on a navigation landmark.
      role="dialog"
      aria-label={t('shell.navigation')}
    >
      <NavDrawerBody role="navigation" aria-label={t('shell.adminCenter')}>{entries}</NavDrawerBody>
    </NavDrawer>
  );
}
