import { makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { LoadingSpinner } from '../../components/loading-spinner.tsx';
import { useMediaQuery } from '../../lib/use-media-query.ts';
import { NavMenu, NavMenuOverlay } from './nav-menu.tsx';
import { NARROW_SCREEN } from '../../lib/screens.ts';
import { TopBar } from './top-bar.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  // The drawer keeps its width however wide a page's content is, and its background runs the page's full height.
  body: { display: 'flex', flexGrow: 1, minHeight: 0, alignItems: 'stretch' },
  nav: { flexShrink: 0, display: 'flex', backgroundColor: tokens.colorNeutralBackground2 },
  main: {
    flexGrow: 1,
    minWidth: 0,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    [`@media ${NARROW_SCREEN}`]: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
});

export function AppShell() {
  const styles = useStyles();
  const isNarrow = useMediaQuery(NARROW_SCREEN);
  const [isNavOpen, setNavOpen] = useState(false);
  return (
    <div className={styles.root}>
      <TopBar navToggle={isNarrow ? { isOpen: isNavOpen, onToggle: () => setNavOpen(!isNavOpen) } : null} />
      <div className={styles.body}>
        {isNarrow ? (
          <NavMenuOverlay isOpen={isNavOpen} onClose={() => setNavOpen(false)} />
        ) : (
          <div className={styles.nav}>
            <NavMenu />
          </div>
        )}
        <main className={styles.main}>
          <Suspense fallback={<LoadingSpinner />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
