import { OverlayDrawer, makeStyles } from '@fluentui/react-components';
import { NavMenu } from './nav-menu.tsx';

// As wide as the navigation inside, so no band of another colour shows beside it.
const useStyles = makeStyles({ drawer: { width: '260px', maxWidth: '100vw' } });

interface Props {
  isOpen: boolean;
  onClose: () => void;
}

/**
 * Below 1024 px the navigation opens over the page, as a modal dialog holding it (as microsoft/fluentui#34942
 * does: aria-modal is only allowed on a dialog, not on a navigation landmark). Its own chunk: wide first screens
 * never load the Drawer and its Dialog (decision 53).
 */
export function NavOverlay({ isOpen, onClose }: Props) {
  const styles = useStyles();
  return (
    <OverlayDrawer className={styles.drawer} open={isOpen} onOpenChange={(_, data) => !data.open && onClose()} aria-label="Navigation">
      <NavMenu onNavigate={onClose} />
    </OverlayDrawer>
  );
}
